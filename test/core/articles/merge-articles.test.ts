import {describe, expect, it} from 'vitest';
import type {Article, FeedResult} from '../../../src/core/articles/article.js';
import {mergeArticles} from '../../../src/core/articles/merge-articles.js';

function article(id: string, published: number | null, feed = 'Feed'): Article {
	return {
		id,
		title: `Title ${id}`,
		author: null,
		feed,
		section: null,
		published,
		link: null,
		summary: {format: 'text', value: ''},
		content: {format: 'text', value: ''},
		categories: [],
	};
}

function ok(source: string, articles: Article[]): FeedResult {
	return {ok: true, source, title: source, articles, warnings: []};
}

describe('mergeArticles', () => {
	it('puts the newest articles of all feeds first', () => {
		const merged = mergeArticles([ok('a', [article('a1', 100), article('a2', 300)]), ok('b', [article('b1', 200)])]);
		expect(merged.map(each => each.id)).toEqual(['a2', 'b1', 'a1']);
	});

	it('puts undated articles last, in feed order', () => {
		const merged = mergeArticles([
			ok('a', [article('a-undated-1', null), article('a1', 100), article('a-undated-2', null)]),
			ok('b', [article('b-undated', null), article('b1', 50)]),
		]);
		expect(merged.map(each => each.id)).toEqual(['a1', 'b1', 'a-undated-1', 'a-undated-2', 'b-undated']);
	});

	it('keeps feed order among articles with the same date', () => {
		const merged = mergeArticles([ok('a', [article('x', 100), article('y', 100)]), ok('b', [article('z', 100)])]);
		expect(merged.map(each => each.id)).toEqual(['x', 'y', 'z']);
	});

	it('keeps only the first article of an id that appears in several feeds', () => {
		const merged = mergeArticles([ok('a', [article('same', 100, 'A')]), ok('b', [article('same', 200, 'B'), article('other', 50, 'B')])]);
		expect(merged.map(each => [each.id, each.feed])).toEqual([
			['same', 'A'],
			['other', 'B'],
		]);
	});

	it('ignores feeds that failed to load', () => {
		const merged = mergeArticles([{ok: false, source: 'broken.xml', error: 'no such file'}, ok('a', [article('a1', 1)])]);
		expect(merged.map(each => each.id)).toEqual(['a1']);
	});

	it('merges 50,000 articles into one correctly ordered list', () => {
		const feeds = Array.from({length: 10}, (_, feed) =>
			ok(
				`feed-${feed}`,
				Array.from({length: 5000}, (_, index) =>
					article(`${feed}-${index}`, index % 7 === 0 ? null : (index * 7919 + feed * 31) % 100_000),
				),
			),
		);
		const merged = mergeArticles(feeds);
		expect(merged).toHaveLength(50_000);
		const dated = merged.filter(each => each.published !== null);
		const outOfOrder = dated.findIndex((each, index) => index > 0 && dated[index - 1]!.published! < each.published!);
		expect(outOfOrder).toBe(-1);
		expect(merged.slice(dated.length).filter(each => each.published !== null)).toEqual([]);
	});
});
