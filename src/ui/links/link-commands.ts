import {openableUrl} from '../../core/links/openable-url.js';
import {articleLinks} from '../detail/detail-lines.js';
import {withoutLinkNumber} from '../detail/detail-state.js';
import type {LinkCommand} from '../keys/bindings.js';
import {only, type ReaderState, type StepResult, selectedArticle} from '../reader/reader-state.js';

// Four digits is more links than any article has; more typing only starts the number again.
const MAX_LINK_NUMBER = 9999;

/** `linkNumber` typed so far in the article view, if any. */
function pendingNumber(state: ReaderState): number | undefined {
	return state.screen.kind === 'detail' ? state.screen.linkNumber : undefined;
}

/** A digit typed in the article view: the number of the link that `o` or `y` will act on. */
export function typeLinkDigit(state: ReaderState, digit: number): StepResult {
	const {screen} = state;
	const article = selectedArticle(state);
	if (screen.kind !== 'detail' || article === undefined) return only(state);
	const typed = (screen.linkNumber ?? 0) * 10 + digit;
	const number = typed > MAX_LINK_NUMBER ? digit : typed;
	const count = articleLinks(article).length;
	if (number < 1 || number > count) {
		const has = count === 0 ? 'this article has no numbered links' : `this article has ${count === 1 ? '1 link' : `${count} links`}`;
		return only({...withoutLinkNumber(state), message: `no link ${number}: ${has}`});
	}
	return only({...state, screen: {...screen, linkNumber: number}, message: `link ${number}: o opens it, y copies it`});
}

/** The link a command acts on: the numbered link typed before it, else the article's own link. */
function chosenLink(state: ReaderState): {link: string | null; name: string} | undefined {
	const article = selectedArticle(state);
	if (article === undefined) return undefined;
	const number = pendingNumber(state);
	if (number === undefined) return {link: article.link, name: 'the link'};
	return {link: articleLinks(article)[number - 1] ?? null, name: `link ${number}`};
}

/** `o` and `y`: open or copy the chosen link, when it is one that may open (http, https, mailto). */
export function linkCommand(state: ReaderState, command: LinkCommand): StepResult {
	const chosen = chosenLink(state);
	const next = withoutLinkNumber(state);
	if (chosen === undefined) return only(next);
	if (chosen.link === null) return only({...next, message: 'this article has no link'});
	const checked = openableUrl(chosen.link);
	if (!checked.ok) return only({...next, message: `refused ${chosen.name}: ${checked.reason} (only http, https and mailto links open)`});
	if (command === 'openLink') {
		return {state: {...next, message: `opening ${checked.url}`}, effects: [{type: 'openLink', url: checked.url}]};
	}
	return {
		state: {...next, message: `${chosen.name === 'the link' ? 'link' : chosen.name} copied (if your terminal allows OSC 52)`},
		effects: [{type: 'copyLink', url: checked.url}],
	};
}
