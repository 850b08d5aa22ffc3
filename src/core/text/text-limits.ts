import {HTML_VOID_ELEMENTS} from './html-void-elements.js';

// How much of a feed's text is converted and laid out. Nobody reads a megabyte of one article in
// a terminal, and converting HTML costs time in proportion to its size (and to its nesting depth,
// for quotes and lists), so the reader would freeze on an article that big. What is left out is
// said at the end of the text.

/** Characters of one body (HTML or text) converted; the rest is left out with a note. */
export const MAX_BODY_CHARS = 300_000;

/** Characters kept of a one-line field (title, author, category). */
export const MAX_LINE_FIELD_CHARS = 4000;

/** Input looked at for a one-line field: room for markup and entities around its text. */
const MAX_LINE_FIELD_INPUT = 16 * MAX_LINE_FIELD_CHARS;

/** A body with elements nested deeper than this is converted as plain paragraphs. */
export const MAX_HTML_DEPTH = 32;

/** A table with more cells than this is laid out row by row rather than as a grid. */
export const MAX_GRID_CELLS = 1000;

/** Cuts `text` to at most `length` units, never between the two halves of a surrogate pair. */
function cutAt(text: string, length: number): string {
	const code = text.charCodeAt(length - 1);
	return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/**
 * At most MAX_BODY_CHARS of a body, and how many characters were left out. HTML is cut after the
 * last complete tag before the limit, text after the last space, so no word or tag is split.
 */
export function boundBody(value: string, format: 'html' | 'text'): {value: string; leftOut: number} {
	if (value.length <= MAX_BODY_CHARS) return {value, leftOut: 0};
	const boundary = format === 'html' ? value.lastIndexOf('>', MAX_BODY_CHARS - 1) + 1 : value.lastIndexOf(' ', MAX_BODY_CHARS);
	const kept = boundary > MAX_BODY_CHARS / 2 ? value.slice(0, boundary) : cutAt(value, MAX_BODY_CHARS);
	return {value: kept, leftOut: value.length - kept.length};
}

function describeSize(characters: number): string {
	if (characters < 10_000) return `${characters.toLocaleString('en-US')} characters`;
	if (characters < 10_000_000) return `${Math.round(characters / 1000).toLocaleString('en-US')} thousand characters`;
	return `${Math.round(characters / 1_000_000).toLocaleString('en-US')} million characters`;
}

/** The line that ends a body cut by boundBody. */
export function leftOutNote(leftOut: number): string {
	return `… more: ${describeSize(leftOut)} of this article left out (too long to show)`;
}

/** The input of a one-line field that is worth converting: far longer fields are cut first. */
export function boundLineFieldInput(value: string): string {
	return value.length <= MAX_LINE_FIELD_INPUT ? value : cutAt(value, MAX_LINE_FIELD_INPUT);
}

/** A converted one-line field, cut to MAX_LINE_FIELD_CHARS with `…` when longer. */
export function boundLineField(text: string): string {
	return text.length <= MAX_LINE_FIELD_CHARS ? text : `${cutAt(text, MAX_LINE_FIELD_CHARS - 1).trimEnd()}…`;
}

const TAG = /<(\/?)([a-z][a-z0-9-]*)[^<>]*?(\/?)>/gi;
// Elements a parser closes when the next one of the same kind opens (`<p>a<p>b`, `<li>a<li>b`).
const SELF_CLOSING_SIBLINGS = new Set(['dd', 'dt', 'li', 'option', 'p', 'td', 'th', 'tr']);

/**
 * Whether elements in `html` nest deeper than MAX_HTML_DEPTH, as a browser would nest them
 * (closely enough: void elements and elements closed by a sibling are counted as closed). One
 * pass over the text.
 */
export function nestsTooDeep(html: string): boolean {
	const open: string[] = [];
	for (const [, closing, rawName = '', selfClosing] of html.matchAll(TAG)) {
		const name = rawName.toLowerCase();
		if (closing) {
			const index = open.lastIndexOf(name);
			if (index !== -1) open.length = index;
			continue;
		}
		if (selfClosing || HTML_VOID_ELEMENTS.has(name)) continue;
		if (SELF_CLOSING_SIBLINGS.has(name) && open.at(-1) === name) continue;
		open.push(name);
		if (open.length > MAX_HTML_DEPTH) return true;
	}
	return false;
}
