// The reader's first frame as text, made without React or Ink: the list as the app first draws it
// (no key pressed yet, every source loaded). The CLI paints it while Ink and React load
// (src/cli/first-paint.ts), and Ink's incremental rendering then starts from it, rewriting only
// the lines that differ. Each line comes from the same functions the components draw with;
// test/render/first-paint.test.ts checks that Ink's first frame after it rewrites nothing.
import type {Loader, LoaderSnapshot} from '../../load/loader.js';
import type {Theme} from '../../present/theme.js';
import type {ReaderStore} from '../../store/types.js';
import {countArticles} from '../chrome/article-counts.js';
import {headerLine, hintBarLine, statusLineText} from '../chrome/chrome-lines.js';
import type {Keymap} from '../keys/keymap.js';
import {visibleWindow} from '../layout/page-window.js';
import {readerLayout} from '../layout/reader-layout.js';
import {headlineLine} from '../list/headline-line.js';
import {headerLabel, statusSegments} from '../reader/reader-chrome.js';
import {initialReaderState} from '../reader/reader-state.js';

export type FirstFrameInput = {
	loader: Pick<Loader, 'sources'>;
	loading: LoaderSnapshot;
	store: ReaderStore;
	keymap: Keymap;
	theme: Theme;
	/** Lines from before the reader started, as the app gets them (mistakes in the config file). */
	notices: readonly string[];
	columns: number;
	terminalRows: number;
	now: number;
};

const NO_TERMS: readonly string[] = [];

/**
 * What Ink writes for the app's first frame: its lines, each without trailing plain spaces as Ink
 * leaves them, and a newline after the last. Undefined when the first frame would not be this one:
 * a source still loading (the frame then shows progress that changes at once), no articles, or a
 * terminal too short for the reader to stay a row shorter than it.
 */
export function firstFrameText(input: FirstFrameInput): string | undefined {
	const {loading, store, theme, columns, now} = input;
	const layout = readerLayout(columns, input.terminalRows);
	if (loading.pending > 0 || layout.rows >= input.terminalRows || columns <= 0) return undefined;
	const state = initialReaderState(loading.articles);
	// An empty list's text wraps as Ink lays it out; that frame is left to Ink.
	if (state.visible.length === 0) return undefined;
	const lines = [headerLine(headerLabel(state, input.loader, loading), countArticles(state.visible, store), columns, theme)];
	const {start, end} = visibleWindow(state.cursor, layout.bodyRows, state.visible.length);
	for (let index = start; index < end; index++) {
		const article = state.visible[index];
		if (article === undefined) continue;
		const [read, bookmarked] = [store.isRead(article.id), store.isBookmarked(article.id)];
		lines.push(headlineLine({article, selected: index === state.cursor, read, bookmarked, width: columns, now, theme, terms: NO_TERMS}));
	}
	while (lines.length < layout.bodyRows + 1) lines.push('');
	lines.push(statusLineText(statusSegments(state.message, loading, [...input.notices, ...store.notices], ''), columns, theme));
	lines.push(hintBarLine(input.keymap.hints('list'), columns, theme));
	return `${lines.map(line => line.trimEnd()).join('\n')}\n`;
}
