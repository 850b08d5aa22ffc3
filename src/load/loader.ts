import type {Article, FeedResult} from '../core/articles/article.js';
import {mergeArticles} from '../core/articles/merge-articles.js';
import {settleLoad, type Source} from './source.js';

/** Everything known about loading at one moment; a new object whenever something arrives. */
export type LoaderSnapshot = {
	/** Sources whose load has not settled yet. */
	readonly pending: number;
	/** Settled results in the order of the sources (undefined while pending). */
	readonly results: ReadonlyArray<FeedResult | undefined>;
	/** Every loaded article, merged in source order: the first feed to name an id wins. */
	readonly articles: readonly Article[];
};

export type Loader = {
	readonly sources: readonly Source[];
	/** The current snapshot: the same object until something new arrives (for useSyncExternalStore). */
	snapshot(): LoaderSnapshot;
	/** Called once per batch of arrivals; feeds that settle together are announced once. */
	subscribe(listener: () => void): () => void;
	/** Every result, in source order, once all have settled. */
	settled(): Promise<FeedResult[]>;
};

export type LoaderOptions = {
	/** Called once, when the last source settles, with the articles then loaded. */
	onLoaded?(articles: readonly Article[]): void;
};

/**
 * Starts every source's load at once and owns their progress. Small files are read and parsed
 * synchronously inside `load()`, so by the time the interface asks for its first snapshot their
 * articles are already there. The merge happens here and nowhere else, lazily: one merge per
 * batch of arrivals, when the snapshot is next read.
 */
export function createLoader(sources: readonly Source[], options: LoaderOptions = {}): Loader {
	const results: Array<FeedResult | undefined> = sources.map(() => undefined);
	const listeners = new Set<() => void>();
	let pending = sources.length;
	let current: LoaderSnapshot | undefined;
	let announcing: NodeJS.Immediate | undefined;

	const snapshot = (): LoaderSnapshot => {
		current ??= {pending, results: [...results], articles: mergeArticles(results.filter(isSettled))};
		return current;
	};
	const announce = () => {
		announcing = undefined;
		for (const listener of [...listeners]) listener();
	};
	const loads = sources.map(async (source, index) => {
		const result = await settleLoad(source);
		results[index] = result;
		pending--;
		current = undefined;
		if (pending === 0) options.onLoaded?.(snapshot().articles);
		announcing ??= setImmediate(announce);
		return result;
	});
	if (sources.length === 0) options.onLoaded?.([]);

	return {
		sources,
		snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		settled: () => Promise.all(loads),
	};
}

function isSettled(result: FeedResult | undefined): result is FeedResult {
	return result !== undefined;
}
