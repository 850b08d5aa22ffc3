import {useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {Article, FeedResult} from '../../core/articles/article.js';
import {mergeArticles} from '../../core/articles/merge-articles.js';
import {settleLoad, type Source} from '../../load/sources.js';
import type {ReaderStore} from '../../store/types.js';

export type LoadingState = {
	/** Sources whose load() has not settled yet. */
	pending: number;
	/** Settled results, in the order of the sources (undefined while pending). */
	results: ReadonlyArray<FeedResult | undefined>;
};

function loadedIds(results: readonly FeedResult[]): string[] {
	return results.flatMap(result => (result.ok ? result.articles.map(article => article.id) : []));
}

/** Results already known before the interface mounts, so its first frame can show them. */
export type InitialResults = ReadonlyArray<FeedResult | undefined>;

/**
 * Loads every source once, on mount (those in `initial` are already loaded). After arrivals the loaded articles are merged again, in
 * source order so "first feed wins" does not depend on which file happened to parse first, and
 * handed to `onArticles`. When the last source settles, the store hears which ids are current.
 */
export function useSourceLoading(
	sources: readonly Source[],
	store: ReaderStore,
	onArticles: (articles: readonly Article[]) => void,
	initial: InitialResults = [],
): LoadingState {
	const [loading, setLoading] = useState<LoadingState>(() => {
		const results = sources.map((_, index) => initial[index]);
		return {pending: results.filter(result => result === undefined).length, results};
	});
	const onArticlesRef = useRef(onArticles);
	useLayoutEffect(() => {
		onArticlesRef.current = onArticles;
	});

	// Loading starts once per mount with the sources given then; the CLI never swaps them.
	useEffect(() => {
		let active = true;
		const results: Array<FeedResult | undefined> = [...loading.results];
		let pending = loading.pending;
		let articlesChanged = false;
		let publishing: NodeJS.Immediate | undefined;
		// Feeds that settle together (all of them, when the CLI started loading before the interface)
		// are merged and drawn once, not once per feed.
		const publish = () => {
			publishing = undefined;
			const settled = results.filter((item): item is FeedResult => item !== undefined);
			setLoading({pending, results: [...results]});
			if (articlesChanged) onArticlesRef.current(mergeArticles(settled));
			articlesChanged = false;
			if (pending === 0) store.noteSeen(loadedIds(settled));
		};
		if (pending === 0) store.noteSeen(loadedIds(results as FeedResult[]));
		sources.forEach((source, index) => {
			if (results[index] !== undefined) return;
			void settleLoad(source).then(result => {
				if (!active) return;
				results[index] = result;
				pending--;
				if (result.ok) articlesChanged = true;
				publishing ??= setImmediate(publish);
			});
		});
		return () => {
			active = false;
			if (publishing !== undefined) clearImmediate(publishing);
		};
	}, []);

	return loading;
}
