import {describe, expect, it} from 'vitest';
import {matchRanges} from '../../../src/core/search/match-ranges.js';
import {queryTerms} from '../../../src/core/search/search.js';

/** The matched parts of `text`, in brackets. */
function marked(text: string, query: string): string {
	let out = '';
	let at = 0;
	for (const {start, end} of matchRanges(text, queryTerms(query))) {
		out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
		at = end;
	}
	return out + text.slice(at);
}

describe('matchRanges', () => {
	it('finds every occurrence of every word, ignoring case', () => {
		expect(marked('Ferry to the ferry port', 'FERRY')).toBe('[Ferry] to the [ferry] port');
		expect(marked('Harbour minister resigns', 'minister harb')).toBe('[Harb]our [minister] resigns');
	});

	it('marks accented letters a query typed without accents finds, whole', () => {
		expect(marked('Kulturë dhe çaj', 'kulture caj')).toBe('[Kulturë] dhe [çaj]');
		// A letter with a separate combining accent keeps its accent inside the mark.
		expect(marked('Cafe\u0301 open', 'cafe')).toBe('[Cafe\u0301] open');
	});

	it('merges overlapping matches into one', () => {
		expect(marked('banana', 'ana nan')).toBe('b[anana]');
	});

	it('marks nothing for an empty query or no match', () => {
		expect(marked('Ferry', '')).toBe('Ferry');
		expect(marked('Ferry', 'tram')).toBe('Ferry');
	});
});
