import {matchRanges} from '../../core/search/match-ranges.js';

type Style = (text: string) => string;

/** `text` in `style`, with every match of the search terms in `mark` instead. */
export function highlightMatches(text: string, terms: readonly string[], style: Style, mark: Style): string {
	const ranges = terms.length === 0 ? [] : matchRanges(text, terms);
	if (ranges.length === 0) return style(text);
	let line = '';
	let at = 0;
	for (const {start, end} of ranges) {
		if (start > at) line += style(text.slice(at, start));
		line += mark(text.slice(start, end));
		at = end;
	}
	if (at < text.length) line += style(text.slice(at));
	return line;
}
