import stringWidth from 'string-width';
import {graphemes} from './graphemes.js';

// Terminal columns, not string length: CJK and emoji take two columns, combining marks and
// zero-width characters none. Input is expected to be sanitized (no controls, no escapes).

const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

// Node's Intl.Segmenter (and so string-width) gets quadratically slower with the length of the
// string: one 100 KB line takes seconds. Long text is therefore measured in short pieces, cut
// only where a grapheme cluster cannot continue: before a printable ASCII character or a plain
// letter of a common script, and never after a character that glues itself to the next one.
const CHUNK_LENGTH = 64;

function startsCluster(code: number): boolean {
	return (
		(code >= 0x20 && code <= 0x7e) ||
		(code >= 0xa0 && code <= 0x2ff && code !== 0xad) ||
		(code >= 0x370 && code <= 0x482) ||
		(code >= 0x48a && code <= 0x52f) ||
		(code >= 0x5d0 && code <= 0x5ea) ||
		(code >= 0x620 && code <= 0x64a) ||
		(code >= 0xe01 && code <= 0xe30) ||
		(code >= 0x3041 && code <= 0x3096) ||
		(code >= 0x30a1 && code <= 0x30fa) ||
		(code >= 0x4e00 && code <= 0x9fff) ||
		(code >= 0xac00 && code <= 0xd7a3)
	);
}

function gluesToNext(code: number): boolean {
	return (
		code === 0x200d || // ZWJ
		(code >= 0x600 && code <= 0x605) || // Arabic prepended marks
		code === 0x6dd ||
		code === 0x70f ||
		(code >= 0x1100 && code <= 0x115f) || // Hangul leading jamo
		(code >= 0xa960 && code <= 0xa97c) ||
		(code >= 0xd800 && code <= 0xdbff) // high surrogate
	);
}

function* pieces(text: string): Generator<string> {
	let start = 0;
	for (let index = CHUNK_LENGTH; index < text.length; index++) {
		if (index - start < CHUNK_LENGTH) continue;
		if (startsCluster(text.charCodeAt(index)) && !gluesToNext(text.charCodeAt(index - 1))) {
			yield text.slice(start, index);
			start = index;
		}
	}
	yield text.slice(start);
}

// Width of a character that always forms a grapheme cluster on its own and whose width is
// known without lookup tables, or -1. Most text is made of these, and string-width is slow.
function simpleWidth(code: number): number {
	if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0x2ff && code !== 0xad) || (code >= 0x370 && code <= 0x482)) {
		return 1;
	}
	if (code >= 0x2010 && code <= 0x27ff && isNarrowSymbol(code)) return 1;
	if (
		(code >= 0x3041 && code <= 0x3096) ||
		(code >= 0x30a1 && code <= 0x30fa) ||
		(code >= 0x4e00 && code <= 0x9fff) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xff01 && code <= 0xff60)
	) {
		return 2;
	}
	return -1;
}

// Punctuation, currency, arrows, box drawing and the markers the reader draws (● ★ ✓ ✗): one
// column each and never emoji (checked against string-width, code point by code point).
function isNarrowSymbol(code: number): boolean {
	return (
		(code >= 0x2010 && code <= 0x2027) ||
		(code >= 0x2030 && code <= 0x205e && code !== 0x203c && code !== 0x2049) ||
		(code >= 0x20a0 && code <= 0x20c0) ||
		(code >= 0x2190 && code <= 0x2193) ||
		(code >= 0x2500 && code <= 0x259f) ||
		(code >= 0x25a0 && code <= 0x25a9) ||
		code === 0x25cf ||
		code === 0x2605 ||
		code === 0x2606 ||
		code === 0x2713 ||
		code === 0x2717 ||
		code === 0x23ce
	);
}

function pieceWidth(piece: string): number {
	let width = 0;
	for (let index = 0; index < piece.length; index++) {
		const charWidth = simpleWidth(piece.charCodeAt(index));
		// A following mark, joiner or selector could merge this character into a wider cluster.
		const nextIsPlain = index + 1 === piece.length || simpleWidth(piece.charCodeAt(index + 1)) >= 0;
		if (charWidth < 0 || !nextIsPlain) return stringWidth(piece);
		width += charWidth;
	}
	return width;
}

/** Columns the text takes in a terminal. */
export function displayWidth(text: string): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	if (text.length <= CHUNK_LENGTH) return pieceWidth(text);
	let width = 0;
	for (const piece of pieces(text)) width += pieceWidth(piece);
	return width;
}

function graphemeWidth(grapheme: string): number {
	const simple = grapheme.length === 1 ? simpleWidth(grapheme.charCodeAt(0)) : -1;
	return simple >= 0 ? simple : stringWidth(grapheme);
}

/** The longest prefix of whole graphemes that fits in `width` columns, and its width. */
function takeWidth(text: string, width: number): {head: string; headWidth: number} {
	if (PRINTABLE_ASCII.test(text)) {
		const head = text.slice(0, Math.max(0, width));
		return {head, headWidth: head.length};
	}
	let head = '';
	let headWidth = 0;
	for (const piece of pieces(text)) {
		for (const {segment} of graphemes(piece)) {
			const segmentWidth = graphemeWidth(segment);
			if (headWidth + segmentWidth > width) return {head, headWidth};
			head += segment;
			headWidth += segmentWidth;
		}
	}
	return {head, headWidth};
}

/** At most `width` columns; ends with `…` when something was cut. `width <= 0` gives ''. */
export function truncateToWidth(text: string, width: number): string {
	if (!(width > 0)) return '';
	if (displayWidth(text) <= width) return text;
	return `${takeWidth(text, Math.floor(width) - 1).head.trimEnd()}…`;
}

/** Exactly `width` columns: truncated with `…`, or padded with spaces. */
export function padToWidth(text: string, width: number): string {
	if (!(width > 0)) return '';
	const columns = Math.floor(width);
	const fitted = truncateToWidth(text, columns);
	return fitted + ' '.repeat(Math.max(0, columns - displayWidth(fitted)));
}

// A line that starts a list item keeps its continuation lines under the item text.
const LEADING_PREFIX = /^( *)((?:[•*-]|\d{1,4}[.)]) )?/;

function firstGrapheme(text: string): {head: string; headWidth: number} {
	const piece = pieces(text).next().value ?? text;
	const head = graphemes(piece)[Symbol.iterator]().next().value?.segment ?? text;
	return {head, headWidth: graphemeWidth(head)};
}

function wrapLine(line: string, width: number, out: string[]): void {
	if (displayWidth(line) <= width) {
		out.push(line);
		return;
	}
	const [matched = '', indent = ''] = LEADING_PREFIX.exec(line) ?? [];
	// Indentation that would leave less than half the width for text is not kept.
	const prefix = matched.length <= width / 2 ? matched : '';
	const hang = prefix ? ' '.repeat(prefix.length) : indent.length <= width / 2 ? indent : '';
	let current = prefix;
	let currentWidth = prefix.length;
	let hasWords = false;
	const linesBefore = out.length;
	const startLine = (): void => {
		current = hang;
		currentWidth = hang.length;
		hasWords = false;
	};

	for (const word of line.slice(prefix.length).split(' ')) {
		if (word === '') continue;
		const wordWidth = displayWidth(word);
		if (currentWidth + (hasWords ? 1 : 0) + wordWidth <= width) {
			current += hasWords ? ` ${word}` : word;
			currentWidth += (hasWords ? 1 : 0) + wordWidth;
			hasWords = true;
			continue;
		}
		if (hasWords) {
			out.push(current);
			startLine();
			if (currentWidth + wordWidth <= width) {
				current += word;
				currentWidth += wordWidth;
				hasWords = true;
				continue;
			}
		}
		// Longer than a whole line (URLs, CJK without spaces): break it where the line runs out.
		let rest = word;
		for (;;) {
			let {head, headWidth} = takeWidth(rest, width - currentWidth);
			if (head === '' && currentWidth > 0) {
				// Not even one wide character fits after the indentation: use the bare line.
				current = '';
				currentWidth = 0;
				({head, headWidth} = takeWidth(rest, width));
			}
			// A single character wider than the whole line (only possible at width 1).
			if (head === '') ({head, headWidth} = firstGrapheme(rest));
			rest = rest.slice(head.length);
			if (rest === '') {
				current += head;
				currentWidth += headWidth;
				hasWords = true;
				break;
			}
			out.push(current + head);
			startLine();
		}
	}
	if (hasWords) out.push(current);
	else if (out.length === linesBefore) out.push('');
}

/**
 * Word-wraps plain text to lines of at most `width` columns. Existing newlines and blank lines
 * are kept, runs of spaces inside a wrapped line become one, words longer than a line are broken,
 * and list items and indented lines wrap under their own text.
 */
export function wrapText(text: string, width: number): string[] {
	const columns = Math.max(1, Math.floor(width) || 1);
	const out: string[] = [];
	for (const line of text.split('\n')) wrapLine(line, columns, out);
	return out;
}
