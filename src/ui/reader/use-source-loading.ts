import {useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {Article, FeedResult} from '../../core/article.js';
import {mergeArticles} from '../../core/merge-articles.js';
import {sanitizeLine} from '../../core/sanitize.js';
import type {Source} from '../../core/sources.js';
import type {ReaderStore} from '../../store/types.js';

export type LoadingState = {
	/** Sources whose load() has not settled yet. */
	pending: number;
	/** Settled results, in the order of the sources (undefined while pending). */
	results: ReadonlyArray<FeedResult | undefined>;
};

async function settle(source: Source): Promise<FeedResult> {
	try {
		return await source.load();
	} catch (error) {
		// Sources promise never to reject; if one does anyway, it is that feed's error, not a crash.
		const message = sanitizeLine(error instanceof Error ? error.message : String(error));
		return {ok: false, source: source.label, error: message || 'could not load'};
	}
}

/**
 * Loads every source once, on mount. After each arrival the loaded articles are merged again, in
 * source order so "first feed wins" does not depend on which file happened to parse first, and
 * handed to `onArticles`. When the last source settles, the store hears which ids are current.
 */
export function useSourceLoading(
	sources: readonly Source[],
	store: ReaderStore,
	onArticles: (articles: readonly Article[]) => void,
): LoadingState {
	const [loading, setLoading] = useState<LoadingState>(() => ({
		pending: sources.length,
		results: sources.map(() => undefined),
	}));
	const onArticlesRef = useRef(onArticles);
	useLayoutEffect(() => {
		onArticlesRef.current = onArticles;
	});

	// Loading starts once per mount with the sources given then; the CLI never swaps them.
	useEffect(() => {
		let active = true;
		const results: Array<FeedResult | undefined> = sources.map(() => undefined);
		let pending = sources.length;
		sources.forEach((source, index) => {
			void settle(source).then(result => {
				if (!active) return;
				results[index] = result;
				pending--;
				setLoading({pending, results: [...results]});
				if (!result.ok && pending > 0) return;
				const articles = mergeArticles(results.filter((item): item is FeedResult => item !== undefined));
				if (result.ok) onArticlesRef.current(articles);
				if (pending === 0) store.noteSeen(articles.map(article => article.id));
			});
		});
		return () => {
			active = false;
		};
	}, []);

	return loading;
}
