import type {Article, FeedResult} from './article.js';

type Runs = {
	/** The feed's dated articles, newest first (ties in feed order). */
	dated: Article[];
	/** Its undated articles, in feed order. */
	undated: Article[];
};

const newestFirst = (a: Article, b: Article) => (b.published ?? 0) - (a.published ?? 0);

// A feed's articles never change once loaded, so each feed is sorted once, not on every merge.
const sortedFeeds = new WeakMap<readonly Article[], Runs>();

function runsOf(articles: readonly Article[]): Runs {
	let runs = sortedFeeds.get(articles);
	if (runs === undefined) {
		runs = {
			dated: articles.filter(article => article.published !== null).sort(newestFirst),
			undated: articles.filter(article => article.published === null),
		};
		sortedFeeds.set(articles, runs);
	}
	return runs;
}

/** Articles looked at between two pauses of a merge done in slices. */
export const MERGE_SLICE = 20_000;

/**
 * Merges sorted runs into one, newest first; of equal dates, the article of the earlier run comes
 * first (as a stable sort of the runs one after another would have it). A pause (`yield`) every
 * MERGE_SLICE articles.
 */
function* mergeRuns(runs: Article[][]): Generator<undefined, Article[]> {
	const merged: Article[] = [];
	const heads = runs.map(() => 0);
	// A binary heap of run indexes, ordered by the date of each run's next article, then by run.
	const heap: number[] = [];
	const before = (a: number, b: number) => {
		const difference = (runs[b]![heads[b]!]!.published ?? 0) - (runs[a]![heads[a]!]!.published ?? 0);
		return difference < 0 || (difference === 0 && a < b);
	};
	const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
	const down = (start: number) => {
		for (let index = start; ; ) {
			const left = 2 * index + 1;
			const right = left + 1;
			let first = index;
			if (left < heap.length && before(heap[left]!, heap[first]!)) first = left;
			if (right < heap.length && before(heap[right]!, heap[first]!)) first = right;
			if (first === index) return;
			swap(index, first);
			index = first;
		}
	};
	runs.forEach((run, index) => {
		if (run.length > 0) heap.push(index);
	});
	for (let index = Math.floor(heap.length / 2) - 1; index >= 0; index--) down(index);
	while (heap.length > 0) {
		const run = heap[0]!;
		merged.push(runs[run]![heads[run]!]!);
		heads[run]!++;
		if (heads[run]! >= runs[run]!.length) {
			heap[0] = heap.at(-1)!;
			heap.pop();
		}
		down(0);
		if (merged.length % MERGE_SLICE === 0) yield;
	}
	return merged;
}

/**
 * mergeArticles done a slice at a time: each step does the work of about MERGE_SLICE articles
 * (or sorts one feed, the first time that feed is merged), so that a caller can let other work
 * in between; the generator returns the merged articles.
 */
export function* mergeArticlesInSlices(results: readonly FeedResult[]): Generator<undefined, Article[]> {
	const seen = new Set<string>();
	const datedRuns: Article[][] = [];
	const undated: Article[] = [];
	let looked = 0;
	for (const result of results) {
		if (!result.ok) continue;
		const fresh: Article[] = [];
		for (const article of result.articles) {
			if (++looked % MERGE_SLICE === 0) yield;
			if (seen.has(article.id)) continue;
			seen.add(article.id);
			fresh.push(article);
		}
		const sorted = sortedFeeds.has(result.articles);
		const runs = runsOf(result.articles);
		if (!sorted) yield;
		if (fresh.length === result.articles.length) {
			datedRuns.push(runs.dated);
			for (const article of runs.undated) undated.push(article);
			continue;
		}
		const kept = new Set(fresh);
		datedRuns.push(runs.dated.filter(article => kept.has(article)));
		for (const article of runs.undated) if (kept.has(article)) undated.push(article);
		yield;
	}
	const dated = datedRuns.length === 1 ? datedRuns[0]!.slice() : yield* mergeRuns(datedRuns);
	return dated.concat(undated);
}

/**
 * Every article of the feeds that loaded, each id once (the first feed to name it wins), newest
 * first. Undated articles go last, in feed order. Each feed is sorted once (and remembered), so
 * merging again after one more feed arrives costs little more than putting sorted lists together.
 */
export function mergeArticles(results: readonly FeedResult[]): Article[] {
	const steps = mergeArticlesInSlices(results);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}
