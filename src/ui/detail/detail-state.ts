import type {DetailCommand} from '../keys/bindings.js';
import {clamp, LIST, only, openAt, type ReaderEnv, type ReaderState, type StepResult, selectedArticle} from '../reader/reader-state.js';

/**
 * The open article's own state: the first line of its text on screen, and the number typed so far
 * to pick one of its links (`2` then `o` opens link [2]).
 */
export type DetailState = {scroll: number; linkNumber?: number};

export type DetailAction = {type: DetailCommand};

function scrollTo(state: ReaderState, to: number, env: ReaderEnv): ReaderState {
	const article = selectedArticle(state);
	const lines = article === undefined ? 0 : env.detailLineCount(article);
	return {...state, screen: {kind: 'detail', scroll: clamp(to, 0, Math.max(0, lines - env.detailRows))}};
}

/** Scrolls the open article, opens its neighbours, or goes back to the list on the same article. */
export function detailReducer(state: ReaderState, action: DetailAction, env: ReaderEnv): StepResult {
	const scroll = state.screen.kind === 'detail' ? state.screen.scroll : 0;
	switch (action.type) {
		case 'scrollDown':
			return only(scrollTo(state, scroll + 1, env));
		case 'scrollUp':
			return only(scrollTo(state, scroll - 1, env));
		case 'scrollPageDown':
			return only(scrollTo(state, scroll + env.detailRows, env));
		case 'scrollPageUp':
			return only(scrollTo(state, scroll - env.detailRows, env));
		case 'scrollTop':
			return only(scrollTo(state, 0, env));
		case 'scrollBottom':
			return only(scrollTo(state, Number.MAX_SAFE_INTEGER, env));
		case 'nextArticle':
			if (state.cursor + 1 >= state.visible.length) return only({...state, message: 'this is the last article'});
			return openAt(state, state.cursor + 1);
		case 'previousArticle':
			if (state.cursor === 0) return only({...state, message: 'this is the first article'});
			return openAt(state, state.cursor - 1);
		case 'back':
			return only({...state, screen: LIST});
	}
}

/** The state with no link number pending: any command but a link command forgets the number typed. */
export function withoutLinkNumber(state: ReaderState): ReaderState {
	if (state.screen.kind !== 'detail' || state.screen.linkNumber === undefined) return state;
	return {...state, screen: {kind: 'detail', scroll: state.screen.scroll}};
}
