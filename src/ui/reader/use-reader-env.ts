import {useMemo} from 'react';
import type {ReaderStore} from '../../store/types.js';
import {createDetailLayout, type DetailLayout} from '../detail/detail-lines.js';
import type {ReaderLayout} from '../layout/reader-layout.js';
import type {SearchIndex} from '../search/search-index.js';
import type {ReaderEnv} from './reader-state.js';

/**
 * What the reducers ask of the world, for the current terminal size. The article's line count
 * (to stop scrolling at its end) and its drawn lines come from the same cached layout.
 */
export function useReaderEnv(
	layout: ReaderLayout,
	store: ReaderStore,
	searchIndex: SearchIndex,
): {env: ReaderEnv; detailLayout: DetailLayout} {
	const {columns, bodyRows, detailRows} = layout;
	const detailLayout = useMemo(() => createDetailLayout(columns), [columns]);
	const env = useMemo<ReaderEnv>(
		() => ({
			listRows: bodyRows,
			detailRows,
			detailLineCount: article => detailLayout(article).length,
			isRead: id => store.isRead(id),
			bookmarks: () => store.bookmarks(),
			search: (articles, query) => searchIndex.search(articles, query),
		}),
		[bodyRows, detailRows, detailLayout, store, searchIndex],
	);
	return {env, detailLayout};
}
