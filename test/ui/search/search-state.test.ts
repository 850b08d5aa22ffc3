import {describe, expect, it} from 'vitest';
import type {Article} from '../../../src/core/articles/article.js';
import {selectedArticle} from '../../../src/ui/reader/reader-state.js';
import {MAX_QUERY_LENGTH} from '../../../src/ui/search/search-query.js';
import {makeArticles} from '../helpers/articles.js';
import {idsOf, worldOf} from '../reader/reducer-kit.js';

const TITLES = [
	'Ferry strike ends',
	'Harbour minister resigns',
	'New ferry for the island',
	'Kulturë: museum reopens',
	'Tram line approved',
];
const five = makeArticles(5, index => ({title: TITLES[index - 1]!}));

describe('the search line', () => {
	it('opens on / and narrows the list with each character typed', () => {
		const world = worldOf();
		const open = world.run(world.load(five), 'search');
		expect(open.overlay.kind).toBe('search');
		expect(idsOf(world.run(open, 'type:f', 'type:e').visible)).toEqual(['a1', 'a3']);
		expect(idsOf(world.run(open, 'type:f', 'type:e', 'type:r', 'type:r', 'type:y', 'type: ', 'type:i', 'type:s').visible)).toEqual(['a3']);
	});

	it('takes a pasted run as typed text, line breaks and controls as spaces', () => {
		const world = worldOf();
		const state = world.run(world.load(five), 'search', 'type:island\r\nferry\u001B[A');
		expect(state.search.query).toBe('island  ferry [A');
		expect(idsOf(world.run(world.load(five), 'search', 'type:island\nferry').visible)).toEqual(['a3']);
	});

	it('cuts a paste longer than any query at the limit', () => {
		const world = worldOf();
		const state = world.run(world.load(five), 'search', `type:${'ferry '.repeat(1000)}`);
		expect(state.search.query).toHaveLength(MAX_QUERY_LENGTH);
		expect(idsOf(state.visible)).toEqual(['a1', 'a3']);
	});

	it('ignores case and accents, as the core search does', () => {
		const world = worldOf();
		expect(idsOf(world.run(world.load(five), 'search', 'type:KULTURE').visible)).toEqual(['a4']);
	});

	it('widens the list again as characters are erased, one at a time', () => {
		const world = worldOf();
		const narrowed = world.run(world.load(five), 'search', 'type:ferry isl');
		expect(idsOf(narrowed.visible)).toEqual(['a3']);
		const erase = (times: number) => world.run(narrowed, ...Array.from({length: times}, () => 'searchErase' as const));
		expect(erase(4).search.query).toBe('ferry');
		expect(idsOf(erase(4).visible)).toEqual(['a1', 'a3']);
		expect(idsOf(erase(9).visible)).toEqual(idsOf(five));
		// Nothing left to erase: still the whole list, still searching.
		const empty = erase(12);
		expect(empty.search.query).toBe('');
		expect(empty.overlay.kind).toBe('search');
	});

	it('erases a whole accented letter written as two code points', () => {
		const world = worldOf();
		expect(world.run(world.load(five), 'search', 'type:cafe\u0301', 'searchErase').search.query).toBe('caf');
	});

	it('selects the first match as the query changes, and moves among matches with the arrows', () => {
		const world = worldOf();
		const typed = world.run(world.load(five), 'moveDown', 'moveDown', 'moveDown', 'search', 'type:e');
		expect(typed.cursor).toBe(0);
		expect(selectedArticle(world.run(typed, 'searchDown', 'searchDown'))?.id).toBe(typed.visible[2]!.id);
		expect(selectedArticle(world.run(typed, 'searchDown', 'searchUp'))?.id).toBe(typed.visible[0]!.id);
	});

	it("keeps the filter on Enter and returns to the list, where the keys are the list's again", () => {
		const world = worldOf();
		const kept = world.run(world.load(five), 'search', 'type:ferry', 'searchKeep');
		expect(kept.overlay.kind).toBe('none');
		expect(kept.search.query).toBe('ferry');
		expect(kept.message).toBe('Esc clears the search');
		expect(idsOf(kept.visible)).toEqual(['a1', 'a3']);
		expect(selectedArticle(world.run(kept, 'moveDown'))?.id).toBe('a3');
		// `/` again refines the same query.
		expect(idsOf(world.run(kept, 'search', 'type: isl').visible)).toEqual(['a3']);
	});

	it('clears the filter on Esc, keeping the selected article selected in the whole list', () => {
		const world = worldOf();
		const cleared = world.run(world.load(five), 'search', 'type:ferry', 'searchDown', 'searchClear');
		expect(cleared.overlay.kind).toBe('none');
		expect(cleared.search.query).toBe('');
		expect(idsOf(cleared.visible)).toEqual(idsOf(five));
		expect(selectedArticle(cleared)?.id).toBe('a3');
	});

	it('clears a kept filter with Esc on the list', () => {
		const world = worldOf();
		const kept = world.run(world.load(five), 'search', 'type:ferry', 'searchKeep', 'moveDown');
		const cleared = world.run(kept, 'clearSearch');
		expect(cleared.visible).toHaveLength(5);
		expect(selectedArticle(cleared)?.id).toBe('a3');
	});

	it('treats Enter on a blank query as clearing it', () => {
		const world = worldOf();
		const state = world.run(world.load(five), 'search', 'type:   ', 'searchKeep');
		expect(state.search.query).toBe('');
		expect(state.visible).toHaveLength(5);
	});

	it('searches again over articles that arrive while a filter is kept', () => {
		const world = worldOf();
		const kept = world.run(world.load(five.slice(0, 2)), 'search', 'type:ferry', 'searchKeep');
		expect(idsOf(kept.visible)).toEqual(['a1']);
		const arrived = world.dispatch(kept, {type: 'articlesChanged', articles: five});
		expect(idsOf(arrived.visible)).toEqual(['a1', 'a3']);
		expect(arrived.search.query).toBe('ferry');
	});
});

describe('a search whose index is still being built', () => {
	/** A search that answers only once `ready` is set, as the reader's index does for many articles. */
	function slowSearch() {
		const gate = {ready: false};
		const search = (articles: readonly Article[], query: string) =>
			gate.ready ? articles.filter(article => article.title.toLowerCase().includes(query.trim().toLowerCase())) : undefined;
		return {gate, search};
	}

	it('leaves the list as it was, marked pending, until the index says it is ready', () => {
		const {gate, search} = slowSearch();
		const world = worldOf({search});
		const typed = world.run(world.load(five), 'search', 'type:ferry');
		expect(typed.search).toEqual({query: 'ferry', pending: true});
		expect(typed.visible).toHaveLength(5);
		gate.ready = true;
		const ready = world.dispatch(typed, {type: 'searchReady'});
		expect(ready.search.pending).toBe(false);
		expect(idsOf(ready.visible)).toEqual(['a1', 'a3']);
	});

	it('ignores a ready signal when nothing is pending', () => {
		const world = worldOf();
		const state = world.run(world.load(five), 'search', 'type:ferry');
		expect(world.dispatch(state, {type: 'searchReady'})).toBe(state);
	});
});
