import {Box, useApp} from 'ink';
import {useCallback, useMemo, useState, useSyncExternalStore} from 'react';
import type {Article} from '../core/articles/article.js';
import type {Loader, LoaderSnapshot} from '../load/loader.js';
import type {ReaderStore} from '../store/types.js';
import {countArticles} from './chrome/article-counts.js';
import {Header} from './chrome/header.js';
import {HintBar} from './chrome/hint-bar.js';
import type {Segment} from './chrome/segments.js';
import {StatusLine} from './chrome/status-line.js';
import {useClock} from './hooks/use-clock.js';
import {useLoader} from './hooks/use-loader.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {createKeymap, type Keymap} from './keys/keymap.js';
import {readerLayout} from './layout/reader-layout.js';
import {filterLabel, type ArticleFilter} from '../core/search/article-filter.js';
import {hintScreen, ReaderBody} from './reader/reader-body.js';
import {useReaderEnv} from './reader/use-reader-env.js';
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
	/** Which keys do what; defaults to the built-in bindings table. */
	keymap?: Keymap;
};

const defaultKeymap = createKeymap();

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
		// How many have arrived, said so: "Loading 1 of 7" would read as the first one still loading.
		segments.push({text: `${total - loading.pending} of ${total} ${total === 1 ? 'feed' : 'feeds'} loaded…`, style: 'status'});
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
	const keymap = props.keymap ?? defaultKeymap;
	const terminal = useTerminalSize();
	const layout = useMemo(() => readerLayout(terminal.columns, terminal.rows), [terminal.columns, terminal.rows]);
	const {columns, rows, bodyRows} = layout;

	const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
	const storeVersion = useSyncExternalStore(subscribe, () => store.version());

	const {env, detailLayout} = useReaderEnv(layout, store);
	const quit = useCallback(() => {
		store.flush();
		exit();
	}, [store, exit]);
	const [initialArticles] = useState(() => loader.snapshot().articles);
	const {state, dispatch, current} = useReaderState(store, env, quit, initialArticles);
	const onArticles = useCallback((articles: readonly Article[]) => dispatch({type: 'articlesChanged', articles}), [dispatch]);
	const loading = useLoader(loader, initialArticles, onArticles);
	useReaderInput(current, dispatch, keymap);

	// Once per change of the list or of the store, never per row.
	const counts = useMemo(() => countArticles(state.visible, store), [state.visible, store, storeVersion]);

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Box height={1}>
				<Header label={headerLabel(state.filter, loader, loading)} counts={counts} width={columns} theme={theme} />
			</Box>
			<Box height={bodyRows} flexDirection="column">
				<ReaderBody
					state={state}
					layout={layout}
					detailLayout={detailLayout}
					keymap={keymap}
					now={now}
					store={store}
					theme={theme}
					emptyText={loading.pending > 0 ? 'Loading…' : 'No articles.'}
				/>
			</Box>
			<Box height={1}>
				<StatusLine segments={statusSegments(state.message, loading, store.notices)} width={columns} theme={theme} />
			</Box>
			<Box height={1}>
				<HintBar hints={keymap.hints(hintScreen(state))} width={columns} theme={theme} />
			</Box>
		</Box>
	);
}
