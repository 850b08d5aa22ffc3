import stringWidth from 'string-width';
import {graphemes} from './graphemes.js';

// Text as a reader sees it: grapheme clusters, each with the columns a terminal gives it.
// Input is expected to be sanitized (no controls, no escapes).

// Node's Intl.Segmenter (and so string-width) gets quadratically slower with the length of the
// string: one 100 KB line takes seconds. Long text is therefore measured in short pieces, cut
// only where a grapheme cluster cannot continue: before a printable ASCII character, a plain
// letter of a common script or an emoji, and never after a character that glues itself to the
// next one. Text with no such place for long (a run of marks) is cut at a code point anyway.
const CHUNK_LENGTH = 64;
const LONGEST_PIECE = 1024;

const ZWJ = 0x200d;
const ZWNJ = 0x200c;
const DEVANAGARI_VIRAMA = 0x94d;

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
		code === ZWJ ||
		(code >= 0x600 && code <= 0x605) || // Arabic prepended marks
		code === 0x6dd ||
		code === 0x70f ||
		(code >= 0x1100 && code <= 0x115f) || // Hangul leading jamo
		(code >= 0xa960 && code <= 0xa97c) ||
		(code >= 0xd800 && code <= 0xdbff) // high surrogate
	);
}

// An emoji starts a new cluster unless a joiner comes right before it. Regional indicators pair
// up and skin tones attach to what precedes them, so those two ranges are left out.
function startsPictograph(text: string, index: number): boolean {
	const high = text.charCodeAt(index);
	if (high < 0xd83c || high > 0xd83e) return false;
	const point = text.codePointAt(index) ?? 0;
	return point >= 0x1f000 && point <= 0x1faff && !(point >= 0x1f1e6 && point <= 0x1f1ff) && !(point >= 0x1f3fb && point <= 0x1f3ff);
}

// A Devanagari consonant or vowel letter starts a cluster unless a virama joins it to the consonant
// before (a conjunct such as क्ष).
function startsDevanagariLetter(code: number, before: number): boolean {
	const letter = (code >= 0x904 && code <= 0x939) || (code >= 0x958 && code <= 0x961) || (code >= 0x972 && code <= 0x97f);
	return letter && before !== DEVANAGARI_VIRAMA && before !== ZWNJ;
}

function canCutBefore(text: string, index: number): boolean {
	const before = text.charCodeAt(index - 1);
	if (gluesToNext(before)) return false;
	const code = text.charCodeAt(index);
	return startsCluster(code) || startsPictograph(text, index) || startsDevanagariLetter(code, before);
}

// The last resort for text without a cluster boundary in sight: between code points, and not
// before a mark, selector, joiner or skin tone (which would change what the part before shows).
function canForceCutBefore(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	if ((code >= 0xdc00 && code <= 0xdfff) || code === ZWJ || (code >= 0xfe00 && code <= 0xfe0f)) return false;
	if (code >= 0x300 && code <= 0x36f) return false;
	if (code === 0xd83c) {
		const low = text.charCodeAt(index + 1);
		if (low >= 0xdffb && low <= 0xdfff) return false;
	}
	return true;
}

/** `text` in consecutive pieces of about CHUNK_LENGTH units or more, cut between clusters. */
export function* pieces(text: string): Generator<string> {
	let start = 0;
	for (let index = start + CHUNK_LENGTH; index < text.length; index++) {
		const length = index - start;
		if (length < CHUNK_LENGTH) continue;
		if (canCutBefore(text, index) || (length >= LONGEST_PIECE && canForceCutBefore(text, index)) || length >= 2 * LONGEST_PIECE) {
			yield text.slice(start, index);
			start = index;
		}
	}
	yield text.slice(start);
}

// Width of a character that always forms a grapheme cluster on its own and whose width is
// known without lookup tables, or -1. Most text is made of these, and string-width is slow.
export function simpleWidth(code: number): number {
	if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0x2ff && code !== 0xad) || (code >= 0x370 && code <= 0x482)) {
		return 1;
	}
	if (code >= 0x2010 && code <= 0x27ff && isNarrowSymbol(code)) return 1;
	// Braille patterns: the loading spinner. Never emoji, so no emoji test (its regexp takes long to build).
	if (code >= 0x2800 && code <= 0x28ff) return 1;
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

/** Whether every unit of `piece` is a cluster of its own with a known width. */
function allSimple(piece: string): boolean {
	for (let index = 0; index < piece.length; index++) if (simpleWidth(piece.charCodeAt(index)) < 0) return false;
	return true;
}

/**
 * The longest prefix of `text` that fits in `columns`, with its width, when it is made of simple
 * characters (see simpleWidth) and so is the character after it, if any: each is then a cluster
 * of its own. Undefined when another character comes first.
 */
export function takeSimpleWidth(text: string, columns: number): {end: number; width: number} | undefined {
	let width = 0;
	let index = 0;
	for (; index < text.length; index++) {
		const cell = simpleWidth(text.charCodeAt(index));
		if (cell < 0) return undefined;
		if (width + cell > columns) break;
		width += cell;
	}
	return {end: index, width};
}

/** Columns as string-width counts them (what Ink lays out by), in linear time. */
export function stringWidthOf(text: string): number {
	let width = 0;
	for (const piece of pieces(text)) {
		if (!allSimple(piece)) {
			width += stringWidth(piece);
			continue;
		}
		for (let index = 0; index < piece.length; index++) width += simpleWidth(piece.charCodeAt(index));
	}
	return width;
}

const clusterWidths = new Map<string, number>();
const REMEMBERED_CLUSTERS = 4096;

/**
 * Columns a terminal may give one cluster. Terminals and string-width disagree on clusters of
 * several code points: string-width counts a Devanagari conjunct (क्ष) as one column where
 * terminals draw two, a thumbs-up with a skin tone as two where tmux draws four, a ZWJ family as
 * two where a terminal without joining draws six. The wider count is taken, so a row cut to fit
 * never wraps; where the terminal draws narrower, the row only ends a little early.
 */
export function clusterWidth(cluster: string): number {
	if (cluster.length === 1) {
		const simple = simpleWidth(cluster.charCodeAt(0));
		return simple >= 0 ? simple : stringWidth(cluster);
	}
	let width = clusterWidths.get(cluster);
	if (width === undefined) {
		let perCodePoint = 0;
		for (const point of cluster) perCodePoint += stringWidth(point);
		width = Math.max(stringWidth(cluster), perCodePoint);
		if (clusterWidths.size >= REMEMBERED_CLUSTERS) clusterWidths.clear();
		clusterWidths.set(cluster, width);
	}
	return width;
}

export type Cluster = {text: string; width: number};

/** The clusters of `text` in order, with their widths; lazily, so a caller can stop early. */
export function* clusters(text: string): Generator<Cluster> {
	for (const piece of pieces(text)) {
		if (allSimple(piece)) {
			for (let index = 0; index < piece.length; index++) yield {text: piece[index]!, width: simpleWidth(piece.charCodeAt(index))};
			continue;
		}
		for (const {segment} of graphemes(piece)) yield {text: segment, width: clusterWidth(segment)};
	}
}

/** Columns a terminal may use for `text`: the sum of its clusters' widths (see clusterWidth). */
export function terminalWidth(text: string): number {
	let width = 0;
	for (const piece of pieces(text)) {
		if (allSimple(piece)) {
			for (let index = 0; index < piece.length; index++) width += simpleWidth(piece.charCodeAt(index));
			continue;
		}
		for (const {segment} of graphemes(piece)) width += clusterWidth(segment);
	}
	return width;
}
