import {Box, useApp} from 'ink';
import {useCallback, useMemo, useState, useSyncExternalStore} from 'react';
import type {Article} from '../core/articles/article.js';
import type {Loader, LoaderSnapshot} from '../load/loader.js';
import type {ReaderStore} from '../store/types.js';
import {Header, type ArticleCounts} from './chrome/header.js';
import {HintBar} from './chrome/hint-bar.js';
import type {Segment} from './chrome/segments.js';
import {StatusLine} from './chrome/status-line.js';
import {ArticleDetail} from './detail/article-detail.js';
import {createDetailLayout} from './detail/detail-lines.js';
import {HelpOverlay} from './help/help-overlay.js';
import {useClock} from './hooks/use-clock.js';
import {useLoader} from './hooks/use-loader.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {hintsFor} from './key-bindings.js';
import {HeadlineList} from './list/headline-list.js';
import {FeedPicker} from './picker/feed-picker.js';
import {filterLabel, type ArticleFilter} from '../core/search/article-filter.js';
import {selectedArticle, type ReaderEnv} from './reader/reader-reducer.js';
import {useReaderInput} from './reader/use-reader-input.js';
import {useReaderState} from './reader/use-reader-state.js';
import {createTheme, type Theme} from '../present/theme.js';

export type ReaderAppProps = {
	loader: Loader;
	store: ReaderStore;
	/** "Now" for relative times ("3h ago"); defaults to the clock, updated every minute. */
	now?: number;
	/** Defaults to `createTheme()`: chalk's detected color level, NO_COLOR honoured. */
	theme?: Theme;
};

/** Header, status line and hint bar take one row each. */
const CHROME_ROWS = 3;
/**
 * The app stays one row short of the terminal. When its output is as tall as the terminal, Ink 6.8
 * redraws every frame with a full clear that also wipes the scrollback (ESC[2J ESC[3J); one row
 * shorter, it rewrites its lines in place.
 */
const SPARE_ROWS = 1;

const listHints = hintsFor('list');
const detailHints = hintsFor('detail');
const pickerHints = hintsFor('picker');

function countArticles(articles: readonly Article[], store: ReaderStore): ArticleCounts {
	let unread = 0;
	let bookmarked = 0;
	for (const article of articles) {
		if (!store.isRead(article.id)) unread++;
		if (store.isBookmarked(article.id)) bookmarked++;
	}
	return {total: articles.length, unread, bookmarked};
}

function headerLabel(filter: ArticleFilter, loader: Loader, loading: LoaderSnapshot): string {
	if (filter.kind !== 'all') return filterLabel(filter);
	if (loader.sources.length !== 1) return `${loader.sources.length} feeds`;
	const result = loading.results[0];
	return result?.ok && result.title ? result.title : (loader.sources[0]?.label ?? '');
}

function statusSegments(message: string | null, loading: LoaderSnapshot, notices: readonly string[]): Segment[] {
	const segments: Segment[] = [];
	if (message !== null) segments.push({text: message, style: 'status'});
	if (loading.pending > 0) {
		const total = loading.results.length;
		segments.push({text: `Loading ${total - loading.pending} of ${total} feeds…`, style: 'status'});
	}
	for (const result of loading.results) {
		if (result !== undefined && !result.ok) segments.push({text: `✗ ${result.source}: ${result.error}`, style: 'error'});
	}
	for (const result of loading.results) {
		if (result?.ok) for (const warning of result.warnings) segments.push({text: `${result.source}: ${warning}`, style: 'status'});
	}
	for (const notice of notices) segments.push({text: notice, style: 'status'});
	return segments;
}

export function ReaderApp(props: ReaderAppProps) {
	const {loader, store} = props;
	const {exit} = useApp();
	const now = useClock(props.now);
	const theme = useMemo(() => props.theme ?? createTheme(), [props.theme]);
	const {columns, rows: terminalRows} = useTerminalSize();
	const rows = Math.max(CHROME_ROWS + 1, terminalRows - SPARE_ROWS);
	const bodyRows = rows - CHROME_ROWS;
	const detailRows = Math.max(1, bodyRows - 1);

	const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
	const storeVersion = useSyncExternalStore(subscribe, () => store.version());

	const detailLayout = useMemo(() => createDetailLayout(columns), [columns]);
	const env = useMemo<ReaderEnv>(
		() => ({
			listRows: bodyRows,
			detailRows,
			detailLineCount: article => detailLayout(article).length,
			isRead: id => store.isRead(id),
		}),
		[bodyRows, detailRows, detailLayout, store],
	);
	const quit = useCallback(() => {
		store.flush();
		exit();
	}, [store, exit]);
	const [initialArticles] = useState(() => loader.snapshot().articles);
	const {state, dispatch, current} = useReaderState(store, env, quit, initialArticles);
	const onArticles = useCallback((articles: readonly Article[]) => dispatch({type: 'articlesChanged', articles}), [dispatch]);
	const loading = useLoader(loader, initialArticles, onArticles);
	useReaderInput(current, dispatch);

	// Once per change of the list or of the store, never per row.
	const counts = useMemo(() => countArticles(state.visible, store), [state.visible, store, storeVersion]);

	const open = state.screen === 'detail' ? selectedArticle(state) : undefined;
	let body;
	if (state.overlay === 'help') {
		body = <HelpOverlay rows={bodyRows} width={columns} theme={theme} />;
	} else if (state.picker !== null) {
		body = <FeedPicker picker={state.picker} rows={bodyRows} width={columns} theme={theme} />;
	} else if (open !== undefined) {
		body = (
			<ArticleDetail
				lines={detailLayout(open)}
				scroll={state.detailScroll}
				rows={detailRows}
				width={columns}
				position={{index: state.cursor, total: state.visible.length}}
				theme={theme}
			/>
		);
	} else {
		body = (
			<HeadlineList
				articles={state.visible}
				cursor={state.cursor}
				rows={bodyRows}
				width={columns}
				now={now}
				store={store}
				theme={theme}
				emptyText={loading.pending > 0 ? 'Loading…' : 'No articles.'}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Box height={1}>
				<Header label={headerLabel(state.filter, loader, loading)} counts={counts} width={columns} theme={theme} />
			</Box>
			<Box height={bodyRows} flexDirection="column">
				{body}
			</Box>
			<Box height={1}>
				<StatusLine segments={statusSegments(state.message, loading, store.notices)} width={columns} theme={theme} />
			</Box>
			<Box height={1}>
				<HintBar hints={state.picker !== null ? pickerHints : open === undefined ? listHints : detailHints} width={columns} theme={theme} />
			</Box>
		</Box>
	);
}
