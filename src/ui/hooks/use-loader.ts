import {useEffect, useLayoutEffect, useRef, useSyncExternalStore} from 'react';
import type {Article} from '../../core/articles/article.js';
import type {Loader, LoaderSnapshot} from '../../load/loader.js';

/**
 * The loader's progress for drawing (pending count, failures), plus every new set of merged
 * articles handed to `onArticles` as it arrives: arrivals are events, like keys, so the reader's
 * reducer hears of them through a dispatch rather than an effect that copies state.
 */
export function useLoader(loader: Loader, shown: readonly Article[], onArticles: (articles: readonly Article[]) => void): LoaderSnapshot {
	const snapshot = useSyncExternalStore(loader.subscribe, loader.snapshot);
	const onArticlesRef = useRef(onArticles);
	useLayoutEffect(() => {
		onArticlesRef.current = onArticles;
	});
	const shownRef = useRef(shown);
	useEffect(() => {
		let last = shownRef.current;
		const deliver = () => {
			const {articles} = loader.snapshot();
			if (articles === last) return;
			last = articles;
			onArticlesRef.current(articles);
		};
		const unsubscribe = loader.subscribe(deliver);
		// Something may have arrived between the first render and this subscription.
		deliver();
		return unsubscribe;
	}, [loader]);
	return snapshot;
}
