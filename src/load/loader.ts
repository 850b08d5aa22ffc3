import type {Article, FeedResult} from '../core/articles/article.js';
import {MERGE_SLICE, mergeArticles, mergeArticlesInSlices} from '../core/articles/merge-articles.js';
import {type Source, settleLoad} from './source.js';

/** Everything known about loading at one moment; a new object whenever something arrives. */
export type LoaderSnapshot = {
	/** Sources whose load (first or refresh) has not settled yet. */
	readonly pending: number;
	/** The latest result of each source, in source order: undefined until its first load or cached copy. */
	readonly results: ReadonlyArray<FeedResult | undefined>;
	/** Which sources are loading now. */
	readonly loading: readonly boolean[];
	/** Which results are only what a large feed has parsed so far (see Source.load). */
	readonly partial: readonly boolean[];
	/** Every loaded article, merged in source order: the first feed to name an id wins. */
	readonly articles: readonly Article[];
};

export type Loader = {
	readonly sources: readonly Source[];
	/** The current snapshot: the same object until something new arrives (for useSyncExternalStore). */
	snapshot(): LoaderSnapshot;
	/** Called once per batch of arrivals; feeds that settle together are announced once. */
	subscribe(listener: () => void): () => void;
	/** The indexes of the sources whose latest result holds the article `id` (usually one). */
	sourcesOf(id: string): number[];
	/** Loads these sources again (all when none are named); a source already loading is left to finish. */
	refresh(indexes?: readonly number[]): void;
	/** Every result, in source order, once no load is running. */
	settled(): Promise<FeedResult[]>;
};

export type LoaderOptions = {
	/** Called once, when the first load of every source has settled, with the articles then loaded. */
	onLoaded?(articles: readonly Article[]): void;
};

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * Starts every source's load at once and owns their progress. A source's cached copy is its result
 * until the load settles; with none, so are the articles a large feed has parsed so far. Small
 * files are read and parsed synchronously inside `load()`, so by the time the interface asks for
 * its first snapshot their articles are already there. The merge
 * happens here and nowhere else, lazily: one merge per batch of arrivals, when next read. A merge
 * of many articles is done in slices, a turn of the event loop each, so that keys and signals are
 * handled meanwhile; the sources it brings in count as loading until it is done.
 */
export function createLoader(sources: readonly Source[], options: LoaderOptions = {}): Loader {
	const results: Array<FeedResult | undefined> = sources.map(source => source.cached?.());
	const running: Array<Promise<FeedResult> | undefined> = sources.map(() => undefined);
	const partial: boolean[] = sources.map(() => false);
	const listeners = new Set<() => void>();
	let pending = 0;
	let firstLoadDone = false;
	let current: LoaderSnapshot | undefined;
	// biome-ignore lint/correctness/noUnusedVariables: read by the ??= that schedules an announcement
	let announcing: NodeJS.Immediate | undefined;
	let merged: readonly Article[] | undefined;
	// Results that arrived and wait for a merge in slices to include them; `final` unless a partial.
	const arrived = new Map<number, {result: FeedResult; final: boolean}>();
	let merging: Promise<void> | undefined;

	const snapshot = (): LoaderSnapshot => {
		merged ??= mergeArticles(results.filter(isSettled));
		current ??= {
			pending,
			results: [...results],
			loading: running.map(load => load !== undefined),
			partial: [...partial],
			articles: merged,
		};
		return current;
	};
	const announce = () => {
		announcing = undefined;
		for (const listener of [...listeners]) listener();
	};
	const changed = () => {
		current = undefined;
		announcing ??= setImmediate(announce);
	};
	const settle = (index: number, result: FeedResult) => {
		results[index] = result;
		partial[index] = false;
		running[index] = undefined;
		pending--;
	};
	const afterSettling = () => {
		changed();
		if (pending === 0 && !firstLoadDone) {
			firstLoadDone = true;
			options.onLoaded?.(snapshot().articles);
		}
	};
	// Everything that arrived meanwhile goes into one merge; what arrives during it, into the next.
	const mergeArrivals = async () => {
		// Never done before `merging` holds its promise, and what else arrives in this turn joins in.
		await nextTurn();
		while (arrived.size > 0) {
			const batch = [...arrived];
			arrived.clear();
			const next = [...results];
			for (const [index, {result}] of batch) next[index] = result;
			const steps = mergeArticlesInSlices(next.filter(isSettled));
			let step = steps.next();
			for (; !step.done; step = steps.next()) await nextTurn();
			for (const [index, {result, final}] of batch) {
				if (final) {
					settle(index, result);
				} else {
					results[index] = result;
					partial[index] = true;
				}
			}
			merged = step.value;
			afterSettling();
		}
		merging = undefined;
	};
	const articleCount = (result: FeedResult | undefined) => (result?.ok ? result.articles.length : 0);
	const mergeSoon = (index: number, result: FeedResult, final: boolean) => {
		arrived.set(index, {result, final});
		merging ??= mergeArrivals();
		return merging;
	};
	const start = (index: number) => {
		const source = sources[index];
		if (source === undefined || running[index] !== undefined) return;
		pending++;
		// What a large feed has parsed so far stands in for nothing yet (or a failure), never for articles it had.
		const first = !results[index]?.ok;
		let loaded = false;
		const onPartial = (soFar: FeedResult) => {
			if (first && !loaded) void mergeSoon(index, soFar, false);
		};
		running[index] = settleLoad(source, onPartial).then(async result => {
			loaded = true;
			const total = results.reduce((sum, each, at) => sum + (at === index ? 0 : articleCount(each)), articleCount(result));
			if (merging === undefined && total <= MERGE_SLICE) {
				settle(index, result);
				merged = undefined;
				afterSettling();
				return result;
			}
			await mergeSoon(index, result, true);
			return result;
		});
	};
	for (const index of sources.keys()) start(index);
	if (sources.length === 0) {
		firstLoadDone = true;
		options.onLoaded?.([]);
	}

	return {
		sources,
		snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		sourcesOf(id) {
			const indexes: number[] = [];
			results.forEach((result, index) => {
				if (result?.ok && result.articles.some(article => article.id === id)) indexes.push(index);
			});
			return indexes;
		},
		refresh(indexes) {
			const before = pending;
			for (const index of indexes ?? sources.keys()) start(index);
			if (pending !== before) changed();
		},
		async settled() {
			while (running.some(load => load !== undefined) || merging !== undefined) await Promise.all([...running, merging]);
			return results.filter(isSettled);
		},
	};
}

function isSettled(result: FeedResult | undefined): result is FeedResult {
	return result !== undefined;
}
