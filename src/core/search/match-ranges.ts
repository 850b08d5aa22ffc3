import {foldForSearch} from './search.js';

/** A run of `text` from `start` up to (not including) `end`, in UTF-16 offsets. */
export type TextRange = {start: number; end: number};

const PLAIN_ASCII = /^[\u0000-\u007F]*$/;

/** `text` folded as the search folds it; each folded unit knows the character of `text` it came from. */
type FoldedText = {folded: string; starts: number[]; ends: number[]};

function foldWithOffsets(text: string): FoldedText {
	if (PLAIN_ASCII.test(text)) {
		const starts = Array.from({length: text.length}, (_, index) => index);
		return {folded: text.toLowerCase(), starts, ends: starts.map(start => start + 1)};
	}
	let folded = '';
	const starts: number[] = [];
	const ends: number[] = [];
	let offset = 0;
	for (const character of text) {
		const piece = foldForSearch(character);
		for (let unit = 0; unit < piece.length; unit++) {
			starts.push(offset);
			ends.push(offset + character.length);
		}
		folded += piece;
		offset += character.length;
	}
	return {folded, starts, ends};
}

/**
 * Where the words of a query occur in `text`, ignoring case and accents as the search does: every
 * occurrence of every term, overlapping ones merged, in order. For showing matches, not finding them.
 */
export function matchRanges(text: string, terms: readonly string[]): TextRange[] {
	if (terms.length === 0 || text === '') return [];
	const {folded, starts, ends} = foldWithOffsets(text);
	const found: TextRange[] = [];
	for (const term of terms) {
		if (term === '') continue;
		for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
			// Up to the next folded character, so combining marks that fold to nothing stay with their letter.
			const next = starts[at + term.length] ?? text.length;
			found.push({start: starts[at]!, end: Math.max(next, ends[at + term.length - 1]!)});
		}
	}
	found.sort((a, b) => a.start - b.start);
	const merged: TextRange[] = [];
	for (const range of found) {
		const last = merged.at(-1);
		if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
		else merged.push({...range});
	}
	return merged;
}
