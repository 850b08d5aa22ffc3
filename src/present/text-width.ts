import {clusters, takeSimpleWidth, terminalWidth} from './text-clusters.js';

// Terminal columns, not string length: CJK and emoji take two columns, combining marks and
// zero-width characters none, and clusters terminals disagree on take the widest count
// (src/present/text-clusters.ts). Input is expected to be sanitized (no controls, no escapes).
// Every function here is linear in what it looks at, and cutting looks only at what it keeps.

export {wrapLines, wrapText} from './wrap-text.js';

const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

function isPrintableAscii(code: number): boolean {
	return code >= 0x20 && code <= 0x7e;
}

/** Columns the text takes in a terminal. */
export function displayWidth(text: string): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	return terminalWidth(text);
}

/** The longest prefix of whole clusters that fits in `width` columns, and its width. */
export function takeWidth(text: string, width: number): {head: string; headWidth: number} {
	const columns = Math.max(0, Math.floor(width));
	// A run of ASCII is one column a character, unless a mark after it joins its last character.
	const asciiHead = text.slice(0, columns);
	if (PRINTABLE_ASCII.test(asciiHead) && (text.length <= columns || isPrintableAscii(text.charCodeAt(columns)))) {
		return {head: asciiHead, headWidth: asciiHead.length};
	}
	const simple = takeSimpleWidth(text, columns);
	if (simple) return {head: text.slice(0, simple.end), headWidth: simple.width};
	return takeWholeClusters(text, columns);
}

/** takeWidth without its shortcuts: whole clusters, one at a time, while they fit in `columns`. */
export function takeWholeClusters(text: string, columns: number): {head: string; headWidth: number} {
	let end = 0;
	let headWidth = 0;
	for (const cluster of clusters(text)) {
		if (headWidth + cluster.width > columns) break;
		end += cluster.text.length;
		headWidth += cluster.width;
	}
	return {head: text.slice(0, end), headWidth};
}

/** At most `width` columns; ends with `…` when something was cut. `width <= 0` gives ''. */
export function truncateToWidth(text: string, width: number): string {
	if (!(width > 0)) return '';
	const columns = Math.floor(width);
	const {head} = takeWidth(text, columns);
	if (head.length === text.length) return text;
	return `${takeWidth(head, columns - 1).head.trimEnd()}…`;
}

/** Exactly `width` columns: truncated with `…`, or padded with spaces. */
export function padToWidth(text: string, width: number): string {
	if (!(width > 0)) return '';
	const columns = Math.floor(width);
	const fitted = truncateToWidth(text, columns);
	return fitted + ' '.repeat(Math.max(0, columns - displayWidth(fitted)));
}
