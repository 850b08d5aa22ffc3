import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {FeedResult} from '../../../src/core/articles/article.js';
import {createPartRun, mergeFeedParts} from '../../../src/core/xml/merge-feed-parts.js';
import {makeArticle, okResult} from '../../ui/helpers/articles.js';

const ok = (ids: string[], extra: Partial<{title: string; warnings: string[]}> = {}): FeedResult => ({
	...okResult(
		'F',
		ids.map(id => makeArticle(0, {id})),
		's',
	),
	...extra,
});
const idsOf = (result: FeedResult | undefined) => (result?.ok ? result.articles.map(each => each.id) : result);

describe('mergeFeedParts', () => {
	it('joins the parts in order', () => {
		expect(mergeFeedParts([ok(['a', 'b']), ok(['c'])], 100)).toEqual(ok(['a', 'b', 'c']));
	});

	it('declines whenever the whole might have come out differently', () => {
		expect(mergeFeedParts([ok(['a']), {ok: false, source: 's', error: 'broken'}], 100)).toBeUndefined();
		expect(mergeFeedParts([ok(['a']), ok(['b'], {warnings: ['skipped item 1']})], 100)).toBeUndefined();
		expect(mergeFeedParts([ok(['a']), ok(['a'])], 100)).toBeUndefined();
		expect(mergeFeedParts([ok(['a']), ok(['b'], {title: 'Other'})], 100)).toBeUndefined();
		expect(mergeFeedParts([ok(['a', 'b']), ok(['c'])], 2)).toBeUndefined();
		expect(mergeFeedParts([], 100)).toBeUndefined();
	});
});

describe('createPartRun', () => {
	it('gives the run of parts from the first, once it holds four times the articles it last gave', () => {
		const run = createPartRun(100);
		expect(idsOf(run.add(0, ok(['a', 'b']), 9))).toEqual(['a', 'b']);
		expect(run.add(1, ok(['c', 'd', 'e']), 9)).toBeUndefined();
		expect(idsOf(run.add(2, ok(['f', 'g', 'h']), 9))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
	});

	it('gives nothing to show when asked for none, and the whole once every part is in and adds up', () => {
		const run = createPartRun(100, {partials: false});
		expect(run.add(1, ok(['c']), 2)).toBeUndefined();
		expect(run.whole(2)).toBeUndefined();
		expect(run.add(0, ok(['a', 'b']), 2)).toBeUndefined();
		expect(run.whole(2)).toEqual(mergeFeedParts([ok(['a', 'b']), ok(['c'])], 100));
		const broken = createPartRun(100);
		broken.add(0, ok(['a']), 2);
		broken.add(1, ok(['a']), 2);
		expect(broken.whole(2)).toBeUndefined();
	});

	it('waits for the parts before one that comes early, then joins them in order', () => {
		const run = createPartRun(100);
		expect(run.add(2, ok(['e']), 9)).toBeUndefined();
		expect(run.add(1, ok(['c', 'd']), 9)).toBeUndefined();
		expect(idsOf(run.add(0, ok(['a', 'b']), 9))).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('gives nothing more, nor the whole, once a part does not add up with the ones before it', () => {
		const many = (from: number) => Array.from({length: 8}, (_, index) => `x${from + index}`);
		const failing: [string, FeedResult][] = [
			['a part that failed', {ok: false, source: 's', error: 'broken'}],
			['a part that warned', ok(['c'], {warnings: ['skipped item 1']})],
			['an id seen before', ok(['a'])],
			['another title', ok(['c'], {title: 'Other'})],
			['more items than the limit', ok(Array.from({length: 11}, (_, index) => `y${index}`))],
		];
		for (const [name, bad] of failing) {
			const run = createPartRun(12);
			expect(idsOf(run.add(0, ok(['a', 'b']), 4)), name).toEqual(['a', 'b']);
			expect(run.add(1, bad, 4), name).toBeUndefined();
			expect(run.add(2, ok(many(0)), 4), name).toBeUndefined();
			expect(run.add(3, ok([]), 4), name).toBeUndefined();
			expect(run.whole(4), name).toBeUndefined();
		}
		// The same parts with a good one in place of the bad: a run to show, and the whole.
		const run = createPartRun(12);
		run.add(0, ok(['a', 'b']), 4);
		run.add(1, ok(['c']), 4);
		expect(idsOf(run.add(2, ok(many(0)), 4))).toHaveLength(11);
		run.add(3, ok([]), 4);
		expect(idsOf(run.whole(4))).toHaveLength(11);
	});

	it('gives a run that later parts leave as it was', () => {
		const run = createPartRun(100);
		const first = run.add(0, ok(['a']), 9);
		run.add(1, ok(['b', 'c', 'd', 'e']), 9);
		expect(idsOf(first)).toEqual(['a']);
	});

	it('gives nothing once every part is in: the whole follows at once', () => {
		expect(createPartRun(100).add(0, ok(['a', 'b']), 1)).toBeUndefined();
		const run = createPartRun(100);
		expect(idsOf(run.add(0, ok(['a']), 2))).toEqual(['a']);
		expect(run.add(1, ok(['b', 'c']), 2)).toBeUndefined();
	});

	it('gives, in any order of arrival, only what mergeFeedParts makes of some of the first parts, each run at least four times the last', () => {
		const partSizes = fc.array(fc.integer({min: 0, max: 6}), {minLength: 1, maxLength: 12});
		fc.assert(
			fc.property(
				partSizes.chain(sizes => fc.tuple(fc.constant(sizes), fc.shuffledSubarray([...sizes.keys()], {minLength: sizes.length}))),
				([sizes, order]) => {
					let next = 0;
					const parts = sizes.map(size => ok(Array.from({length: size}, () => `i${next++}`)));
					const prefixes = parts.slice(0, -1).map((_, end) => idsOf(mergeFeedParts(parts.slice(0, end + 1), 1000)));
					const run = createPartRun(1000);
					let last = 0;
					for (const part of order) {
						const partial = run.add(part, parts[part]!, parts.length);
						if (partial === undefined) continue;
						const ids = idsOf(partial) as string[];
						expect(prefixes).toContainEqual(ids);
						expect(ids.length).toBeGreaterThanOrEqual(Math.max(1, 4 * last));
						last = ids.length;
					}
				},
			),
		);
	});
});
