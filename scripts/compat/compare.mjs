// What "the same" means when flashnews and feedparser read one entry: plain text compared as
// words, links as URLs, dates to the second, authors by name. Markup and entities are stripped from
// feedparser's values (it keeps HTML), and flashnews' own additions to body text (link targets in
// brackets, image captions) from flashnews' values.
import {decodeHTMLStrict} from 'entities';

export const FIELDS = ['count', 'title', 'link', 'author', 'date', 'text'];

const WORD = /[\p{L}\p{N}]+/gu;
const TEXT_TYPES = new Set(['text/plain', 'text']);

// flashnews removes terminal escape sequences and controls by design; feedparser keeps them.
const TERMINAL_CONTROLS =
	/\u001B\[[0-?]*[ -/]*[@-~]|\u001B[\]PX^_][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

function squash(text) {
	return (text ?? '').replace(TERMINAL_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** HTML (or plain text, when `type` says so) to squashed plain text. */
export function plainText(value, type = 'text/html') {
	if (typeof value !== 'string') return '';
	if (TEXT_TYPES.has(type)) return squash(value);
	return squash(decodeHTMLStrict(value.replace(/<(?:script|style)\b[\s\S]*?<\/(?:script|style)>/gi, ' ').replace(/<[^<>]*>/g, ' ')));
}

function words(text) {
	return text.toLowerCase().match(WORD) ?? [];
}

/** flashnews' rendered body without what it adds: `(https://…)` after link text, `[image: …]`. */
export function flashnewsBodyText(text) {
	return squash(
		text
			.replace(/\((?:https?|mailto):[^)\s]*\)/g, ' ')
			.replace(/\[image: [^\]]*\]/g, ' ')
			.replace(/^\s*(?:•|\d+\.)\s/gm, ' '),
	);
}

/** True when most words of each text are found in the other (order and spacing aside). */
function sameWords(ours, theirs) {
	const a = words(ours);
	const b = words(theirs);
	if (a.length === 0 || b.length === 0) return a.length === b.length;
	const share = (from, to) => {
		const pool = new Set(to);
		return from.filter(word => pool.has(word)).length / from.length;
	};
	return share(a, b) >= 0.9 && share(b, a) >= 0.9;
}

function url(value) {
	try {
		return new URL(value).href;
	} catch {
		return squash(value);
	}
}

const isWebLink = value => typeof value === 'string' && /^(?:https?|mailto):/i.test(value.trim());

/**
 * Field names where `ours` (flashnews' article, with `text` rendered) and `theirs` (feedparser's
 * entry) differ. A field feedparser leaves empty is not compared: flashnews may know more (an
 * Atom feed's author for every entry, a title made from the text).
 */
export function entryDifferences(ours, theirs) {
	const differences = [];
	const theirTitle = plainText(theirs.title, theirs.titleType);
	if (theirTitle && squash(ours.title) !== theirTitle) differences.push(['title', ours.title, theirTitle]);
	if (isWebLink(theirs.link) && url(ours.link ?? '') !== url(theirs.link)) differences.push(['link', ours.link, theirs.link]);
	const theirAuthor = squash(theirs.author);
	if (
		theirAuthor &&
		!words(ours.author ?? '')
			.join(' ')
			.includes(words(theirAuthor).join(' '))
	)
		differences.push(['author', ours.author, theirAuthor]);
	const ourDate = ours.published === null ? null : Math.floor(ours.published / 1000);
	if (theirs.date !== null && ourDate !== theirs.date)
		differences.push([
			'date',
			ourDate === null ? null : new Date(ourDate * 1000).toISOString(),
			new Date(theirs.date * 1000).toISOString(),
		]);
	// Bodies are compared as words whatever their type: feedparser calls much HTML text/plain.
	const theirText = plainText(theirs.text);
	if (theirText && !sameWords(flashnewsBodyText(ours.text), theirText)) differences.push(['text', ours.text, theirText]);
	return differences;
}
