import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Article, FeedResult} from '../../../src/core/articles/article.js';
import {MERGE_SLICE, mergeArticles, mergeArticlesInSlices} from '../../../src/core/articles/merge-articles.js';

function article(id: string, published: number | null): Article {
	return {
		id,
		title: id,
		author: null,
		feed: 'Feed',
		section: null,
		published,
		link: null,
		summary: {format: 'text', value: ''},
		content: {format: 'text', value: ''},
		categories: [],
	};
}

function ok(articles: Article[]): FeedResult {
	return {ok: true, source: 's', title: 's', articles, warnings: []};
}

/** The plain definition: first of each id in feed order, a stable sort newest first, undated last. */
function reference(results: FeedResult[]): Article[] {
	const seen = new Set<string>();
	const dated: Article[] = [];
	const undated: Article[] = [];
	for (const result of results) {
		if (!result.ok) continue;
		for (const each of result.articles) {
			if (seen.has(each.id)) continue;
			seen.add(each.id);
			(each.published === null ? undated : dated).push(each);
		}
	}
	return dated.sort((a, b) => b.published! - a.published!).concat(undated);
}

const feeds = fc.array(
	fc.array(fc.record({id: fc.integer({min: 0, max: 60}), published: fc.option(fc.integer({min: 0, max: 20}), {nil: null})}), {
		maxLength: 40,
	}),
	{maxLength: 6},
);

describe('merging feeds', () => {
	it('gives what a stable sort of every feed in order would, duplicates and ties included', () => {
		fc.assert(
			fc.property(feeds, lists => {
				// Each article object distinct, as each parse makes its own.
				const results = lists.map(list => ok(list.map(({id, published}) => article(`id-${id}`, published))));
				expect(mergeArticles(results)).toEqual(reference(results));
				// Merging the same feeds again (their sorted runs remembered) gives the same.
				expect(mergeArticles(results)).toEqual(reference(results));
			}),
			{seed: 4_182_025, numRuns: 300},
		);
	});

	it('merges six feeds of 40,000 articles in steps of a bounded size', () => {
		const results = Array.from({length: 6}, (_, feed) =>
			ok(Array.from({length: 40_000}, (_, index) => article(`${feed}-${index}`, (index * 7919 + feed) % 90_000))),
		);
		const steps = mergeArticlesInSlices(results);
		let pauses = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) pauses++;
		expect(step.value).toEqual(reference(results));
		// Every pause comes after at most a slice of work (or one feed's sort): 240,000 articles
		// looked at once and merged once take at least 24 of them.
		expect(pauses).toBeGreaterThanOrEqual((2 * 240_000) / MERGE_SLICE);
	});
});
