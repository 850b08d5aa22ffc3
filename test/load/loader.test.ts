import {describe, expect, it} from 'vitest';
import type {FeedResult} from '../../src/core/articles/article.js';
import {createLoader, type Loader} from '../../src/load/loader.js';
import type {Source} from '../../src/load/source.js';
import {fakeSource, makeArticle, makeArticles, okResult} from '../ui/helpers/articles.js';

const broken: FeedResult = {ok: false, source: '/feeds/broken.xml', error: 'not a feed'};
const nextTurn = () => new Promise(resolve => setImmediate(resolve));

describe('the loader', () => {
	it('tells the store once, after loading, which articles are current', async () => {
		const seen: string[][] = [];
		const slow = fakeSource(okResult('Slow', makeArticles(3).slice(1)), {deferred: true});
		const loader = createLoader([fakeSource(okResult('Fast', makeArticles(1))), fakeSource(broken), slow], {
			onLoaded: articles => void seen.push(articles.map(article => article.id)),
		});
		await nextTurn();
		expect(seen).toEqual([]);
		slow.release();
		await loader.settled();
		expect(seen).toEqual([['a1', 'a2', 'a3']]);
	});

	it('merges in source order, so the first feed to name an id wins whichever finishes first', async () => {
		const first = fakeSource(okResult('First', [makeArticle(1, {title: 'From the first feed'})]), {deferred: true});
		const second = fakeSource(okResult('Second', [makeArticle(1, {title: 'From the second feed'})]));
		const loader = createLoader([first, second]);
		await nextTurn();
		expect(loader.snapshot().articles.map(article => article.title)).toEqual(['From the second feed']);
		first.release();
		await loader.settled();
		expect(loader.snapshot().articles.map(article => article.title)).toEqual(['From the first feed']);
	});

	it('hands out the same snapshot until something arrives, then a new one', async () => {
		const slow = fakeSource(okResult('Slow', makeArticles(2)), {deferred: true});
		const loader = createLoader([slow]);
		const before = loader.snapshot();
		expect(loader.snapshot()).toBe(before);
		expect(before).toMatchObject({pending: 1, articles: []});
		slow.release();
		await loader.settled();
		const after = loader.snapshot();
		expect(after).not.toBe(before);
		expect(after).toMatchObject({pending: 0});
		expect(after.articles).toHaveLength(2);
	});

	it('announces feeds that settle together once', async () => {
		const loader = createLoader([fakeSource(okResult('A', makeArticles(1))), fakeSource(okResult('B', makeArticles(3).slice(1)))]);
		let announcements = 0;
		loader.subscribe(() => announcements++);
		await loader.settled();
		await nextTurn();
		expect(announcements).toBe(1);
	});

	it('stops telling a listener that unsubscribed', async () => {
		const slow = fakeSource(okResult('Slow', makeArticles(1)), {deferred: true});
		const loader = createLoader([slow]);
		let announcements = 0;
		const unsubscribe = loader.subscribe(() => announcements++);
		unsubscribe();
		slow.release();
		await loader.settled();
		await nextTurn();
		expect(announcements).toBe(0);
	});

	it('reports no sources as loaded at once', async () => {
		let loaded: unknown;
		const loader = createLoader([], {onLoaded: articles => (loaded = articles)});
		expect(loaded).toEqual([]);
		expect(await loader.settled()).toEqual([]);
	});

	it('shows the cached copy of a source at once, then its fresh result', async () => {
		const fresh = fakeSource(okResult('Feed', makeArticles(2)), {deferred: true});
		const loader = createLoader([{...fresh, cached: () => okResult('Feed', makeArticles(1))}]);
		expect(loader.snapshot()).toMatchObject({pending: 1, loading: [true]});
		expect(loader.snapshot().articles.map(article => article.id)).toEqual(['a1']);
		fresh.release();
		await loader.settled();
		expect(loader.snapshot()).toMatchObject({pending: 0, loading: [false]});
		expect(loader.snapshot().articles.map(article => article.id)).toEqual(['a1', 'a2']);
	});

	it('refreshes the sources named, once each however often asked, and announces it', async () => {
		let loads = 0;
		const counted = {id: 'c', label: 'c', load: async () => okResult('C', makeArticles(++loads))};
		const loader = createLoader([counted, fakeSource(okResult('Other', []))]);
		await loader.settled();
		await nextTurn();
		let announcements = 0;
		loader.subscribe(() => announcements++);
		loader.refresh([0]);
		loader.refresh([0]);
		expect(loader.snapshot()).toMatchObject({pending: 1, loading: [true, false]});
		await loader.settled();
		await nextTurn();
		expect(loads).toBe(2);
		expect(loader.snapshot().articles).toHaveLength(2);
		expect(announcements).toBe(1);
	});

	it('reports the first load only to onLoaded, not each refresh', async () => {
		let calls = 0;
		const loader = createLoader([fakeSource(okResult('A', makeArticles(1)))], {onLoaded: () => void calls++});
		await loader.settled();
		loader.refresh();
		await loader.settled();
		expect(calls).toBe(1);
	});

	describe('a large feed that hands over what it has parsed so far', () => {
		/** A source whose every load hands over `partial` first, then waits to be let go. */
		function partialSource(partial: number, whole: number) {
			let release = () => {};
			let loads = 0;
			const source: Source = {
				id: 'big',
				label: 'big',
				async load(onPartial) {
					loads++;
					onPartial?.(okResult('Big', makeArticles(partial)));
					await new Promise<void>(resolve => (release = resolve));
					return okResult('Big', makeArticles(whole));
				},
			};
			return {source, release: () => release(), loads: () => loads};
		}
		const ids = (loader: Loader) => loader.snapshot().articles.map(article => article.id);
		async function turns(count = 10) {
			for (let turn = 0; turn < count; turn++) await nextTurn();
		}

		it('shows those articles while it loads, then its whole result, and tells onLoaded only of the whole', async () => {
			const big = partialSource(2, 4);
			const loaded: string[][] = [];
			const loader = createLoader([big.source, fakeSource(okResult('Small', [makeArticle(9)]))], {
				onLoaded: articles => void loaded.push(articles.map(article => article.id)),
			});
			let announcements = 0;
			loader.subscribe(() => announcements++);
			await turns();
			expect(ids(loader)).toEqual(['a1', 'a2', 'a9']);
			expect(loader.snapshot()).toMatchObject({pending: 1, loading: [true, false], partial: [true, false]});
			expect(announcements).toBeGreaterThan(0);
			expect(loaded).toEqual([]);
			big.release();
			await loader.settled();
			expect(ids(loader)).toEqual(['a1', 'a2', 'a3', 'a4', 'a9']);
			expect(loader.snapshot()).toMatchObject({pending: 0, loading: [false, false], partial: [false, false]});
			expect(loaded).toEqual([['a1', 'a2', 'a3', 'a4', 'a9']]);
		});

		it('shows them on a refresh after a load that failed, which left nothing to show', async () => {
			let fails = true;
			const big = partialSource(1, 3);
			const source: Source = {...big.source, load: onPartial => (fails ? Promise.resolve(broken) : big.source.load(onPartial))};
			const loader = createLoader([source]);
			await loader.settled();
			fails = false;
			loader.refresh();
			await turns();
			expect(ids(loader)).toEqual(['a1']);
			expect(loader.snapshot()).toMatchObject({pending: 1, partial: [true]});
			big.release();
			await loader.settled();
			expect(ids(loader)).toEqual(['a1', 'a2', 'a3']);
		});

		it('never shows them in place of a result the source already had: its cached copy, or its last load on a refresh', async () => {
			const cachedBig = partialSource(1, 3);
			const cached = createLoader([{...cachedBig.source, cached: () => okResult('Big', makeArticles(2))}]);
			await turns();
			expect(ids(cached)).toEqual(['a1', 'a2']);
			cachedBig.release();
			await cached.settled();

			const big = partialSource(1, 3);
			const loader = createLoader([big.source]);
			await turns();
			big.release();
			await loader.settled();
			expect(ids(loader)).toEqual(['a1', 'a2', 'a3']);
			loader.refresh();
			await turns();
			expect(big.loads()).toBe(2);
			expect(loader.snapshot()).toMatchObject({pending: 1});
			expect(ids(loader)).toEqual(['a1', 'a2', 'a3']);
			big.release();
			await loader.settled();
		});
	});
});
