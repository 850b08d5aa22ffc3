import {Box, useApp} from 'ink';
import {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import type {Article} from '../core/articles/article.js';
import {queryTerms} from '../core/search/search.js';
import type {Loader} from '../load/loader.js';
import {createTheme, type Theme} from '../present/theme.js';
import type {ReaderStore} from '../store/types.js';
import {countArticles} from './chrome/article-counts.js';
import {Header} from './chrome/header.js';
import {HintBar} from './chrome/hint-bar.js';
import {ReaderStatus} from './chrome/reader-status.js';
import {useClock} from './hooks/use-clock.js';
import {useLoader} from './hooks/use-loader.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {createKeymap, type Keymap} from './keys/keymap.js';
import {readerLayout} from './layout/reader-layout.js';
import {type LinkHandlers, NO_LINK_HANDLERS} from './links/link-handlers.js';
import {feedNotes} from './picker/feed-notes.js';
import {hintScreen, ReaderBody} from './reader/reader-body.js';
import {headerLabel} from './reader/reader-chrome.js';
import {useReaderEnv} from './reader/use-reader-env.js';
import {useReaderInput} from './reader/use-reader-input.js';
import {type ReaderHandlers, useReaderState} from './reader/use-reader-state.js';
import {SearchLine} from './search/search-line.js';
import {useSearchIndex} from './search/use-search-index.js';
import {emptyListText} from './views/view-labels.js';

export type ReaderAppProps = {
	loader: Loader;
	store: ReaderStore;
	/** "Now" for relative times ("3h ago"); defaults to the clock, updated every minute. */
	now?: number;
	/** Defaults to `createTheme()`: chalk's detected color level, NO_COLOR honoured. */
	theme?: Theme;
	/** Which keys do what; defaults to the built-in bindings table. */
	keymap?: Keymap;
	/** Opens links in the browser and copies them; without them `o` says it cannot. */
	links?: LinkHandlers;
	/** Draw links in the article view as OSC 8 hyperlinks; off unless asked for. */
	hyperlinks?: boolean;
	/** Lines for the status line from before the reader started (mistakes in the config file). */
	notices?: readonly string[];
};

const defaultKeymap = createKeymap();

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

	// The index is made before the reader's state, which it tells when a pending search is ready.
	const tellSearchReady = useRef(() => {});
	const onSearchReady = useCallback(() => tellSearchReady.current(), []);
	const searchIndex = useSearchIndex(onSearchReady);
	const {env, detailLayout} = useReaderEnv(layout, store, searchIndex);
	const quit = useCallback(() => {
		store.flush();
		exit();
	}, [store, exit]);
	const [initialArticles] = useState(() => loader.snapshot().articles);
	const handlers = useMemo<ReaderHandlers>(
		() => ({
			quit,
			refresh: article => loader.refresh(article === undefined ? undefined : loader.sourcesOf(article.id)),
			links: props.links ?? NO_LINK_HANDLERS,
		}),
		[quit, loader, props.links],
	);
	const {state, dispatch, current} = useReaderState(store, env, handlers, initialArticles);
	useLayoutEffect(() => {
		tellSearchReady.current = () => dispatch({type: 'searchReady'});
	}, [dispatch]);
	const onArticles = useCallback((articles: readonly Article[]) => dispatch({type: 'articlesChanged', articles}), [dispatch]);
	const loading = useLoader(loader, initialArticles, onArticles);
	useReaderInput(current, dispatch, keymap);

	// Once per change of the list or of the store, never per row.
	const counts = useMemo(() => countArticles(state.visible, store), [state.visible, store, storeVersion]);
	const terms = useMemo(() => queryTerms(state.search.query), [state.search.query]);
	const picking = state.overlay.kind === 'picker';
	const notes = useMemo(
		() =>
			picking
				? feedNotes(
						loading,
						loader.sources.map(source => source.id),
						store,
						now,
					)
				: undefined,
		[picking, loading, loader, store, storeVersion, now],
	);
	const searching = state.overlay.kind === 'search';
	useEffect(() => {
		if (searching) searchIndex.prepare(state.base);
	}, [searching, state.base, searchIndex]);

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Box height={1}>
				<Header label={headerLabel(state, loader, loading)} counts={counts} width={columns} theme={theme} />
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
					emptyText={emptyListText(state, loading.pending > 0)}
					terms={terms}
					hyperlinks={props.hyperlinks ?? false}
					feedNotes={notes}
				/>
			</Box>
			<Box height={1}>
				<ReaderStatus
					message={state.message}
					loading={loading}
					notices={[...(props.notices ?? []), ...store.notices]}
					width={columns}
					theme={theme}
				/>
			</Box>
			<Box height={1}>
				{searching ? (
					<SearchLine query={state.search.query} hints={keymap.hints('search')} width={columns} theme={theme} />
				) : (
					<HintBar hints={keymap.hints(hintScreen(state))} width={columns} theme={theme} />
				)}
			</Box>
		</Box>
	);
}
