import {afterEach, describe, expect, it} from 'vitest';
import {createSearchIndex, type SearchIndex} from '../../../src/ui/search/search-index.js';
import {makeArticles} from '../helpers/articles.js';
import {idsOf} from '../reader/reducer-kit.js';

const articles = makeArticles(50, index => ({title: index % 10 === 0 ? `Ferry ${index}` : `Tram ${index}`}));

/** A clock that moves one millisecond each time it is read: folding one article "takes" 1 ms. */
function tickingClock() {
	let time = 0;
	return () => time++;
}

const indexes: SearchIndex[] = [];
afterEach(() => {
	for (const index of indexes.splice(0)) index.dispose();
});

function indexWith(options: Parameters<typeof createSearchIndex>[0]): SearchIndex {
	const index = createSearchIndex(options);
	indexes.push(index);
	return index;
}

describe("the reader's search index", () => {
	it("answers at once when the articles fold within a keystroke's time", () => {
		const index = indexWith({now: () => 0});
		expect(idsOf(index.search(articles, 'ferry') ?? [])).toEqual(['a10', 'a20', 'a30', 'a40', 'a50']);
	});

	it('folds the rest between key presses when they do not, then tells its listeners once', async () => {
		const index = indexWith({workNowMs: 5, sliceMs: 5, now: tickingClock()});
		let told = 0;
		const ready = new Promise<void>(resolve =>
			index.subscribe(() => {
				told++;
				resolve();
			}),
		);
		expect(index.search(articles, 'ferry')).toBeUndefined();
		await ready;
		expect(told).toBe(1);
		expect(idsOf(index.search(articles, 'ferry') ?? [])).toEqual(['a10', 'a20', 'a30', 'a40', 'a50']);
	});

	it('reuses folded texts for another list of the same articles', async () => {
		const index = indexWith({workNowMs: 5, sliceMs: 5, now: tickingClock()});
		const ready = new Promise<void>(resolve => index.subscribe(resolve));
		index.search(articles, 'ferry');
		await ready;
		const reversed = [...articles].reverse();
		expect(idsOf(index.search(reversed, 'ferry') ?? [])).toEqual(['a50', 'a40', 'a30', 'a20', 'a10']);
	});

	it('matches a query against many texts between key presses too, and a newer query takes over', async () => {
		const many = makeArticles(5000, index => ({title: index % 1000 === 0 ? `Ferry ${index}` : `Tram ${index}`}));
		const index = indexWith({workNowMs: 1, sliceMs: 50, now: () => 0});
		// The texts fold at once (the clock never moves); matching then runs on a clock that does.
		expect(idsOf(index.search(many, 'tram 4999') ?? [])).toEqual(['a4999']);
		const slow = indexWith({workNowMs: 1, sliceMs: 1, now: tickingClock()});
		let told = 0;
		slow.subscribe(() => told++);
		const ready = () => new Promise<void>(resolve => slow.subscribe(resolve));
		let waiting = ready();
		expect(slow.search(many, 'ferry')).toBeUndefined();
		await waiting;
		waiting = ready();
		expect(slow.search(many, 'fer')).toBeUndefined();
		expect(slow.search(many, 'ferry 3')).toBeUndefined();
		await waiting;
		expect(idsOf(slow.search(many, 'ferry 3') ?? [])).toEqual(['a3000']);
		expect(told).toBe(2);
	});

	it('folds ahead when asked to prepare, so the first search finds its texts ready', async () => {
		const index = indexWith({workNowMs: 1, sliceMs: 5, now: tickingClock()});
		const ready = new Promise<void>(resolve => index.subscribe(resolve));
		index.prepare(articles);
		await ready;
		expect(idsOf(index.search(articles, 'ferry') ?? [])).toEqual(['a10', 'a20', 'a30', 'a40', 'a50']);
	});

	it('stops folding once disposed', async () => {
		const index = indexWith({workNowMs: 1, sliceMs: 1, now: tickingClock()});
		let told = false;
		index.subscribe(() => (told = true));
		index.search(articles, 'ferry');
		index.dispose();
		// The same work started later, in a second index, finishes: the first would have by then.
		const other = indexWith({workNowMs: 1, sliceMs: 1, now: tickingClock()});
		const otherReady = new Promise<void>(resolve => other.subscribe(resolve));
		other.search(articles, 'ferry');
		await otherReady;
		expect(told).toBe(false);
	});
});
