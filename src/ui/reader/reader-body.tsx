import type {Theme} from '../../present/theme.js';
import type {ReaderStore} from '../../store/types.js';
import {ArticleDetail} from '../detail/article-detail.js';
import type {DetailLayout} from '../detail/detail-lines.js';
import {HelpOverlay} from '../help/help-overlay.js';
import type {KeyScreen} from '../keys/bindings.js';
import type {Keymap} from '../keys/keymap.js';
import type {ReaderLayout} from '../layout/reader-layout.js';
import {HeadlineList} from '../list/headline-list.js';
import {FeedPicker} from '../picker/feed-picker.js';
import {type ReaderState, selectedArticle} from './reader-state.js';

export type ReaderBodyProps = {
	state: ReaderState;
	layout: ReaderLayout;
	detailLayout: DetailLayout;
	keymap: Keymap;
	now: number;
	store: ReaderStore;
	theme: Theme;
	/** What the list says while it has no articles. */
	emptyText: string;
	hyperlinks?: boolean;
	/** What the feed picker says after each feed (unread, refresh state). */
	feedNotes?: ReadonlyMap<string, string>;
	/** Folded search terms to mark in the headlines. */
	terms: readonly string[];
};

/** The screen whose keys the hint bar shows: the picker's or the search line's, else the list's or the article's. */
export function hintScreen(state: ReaderState): KeyScreen {
	if (state.overlay.kind === 'picker') return 'picker';
	if (state.overlay.kind === 'search') return 'search';
	return state.screen.kind === 'detail' && selectedArticle(state) !== undefined ? 'detail' : 'list';
}

/** The part between the header and the status line: the overlay on top, else the screen. */
export function ReaderBody({
	state,
	layout,
	detailLayout,
	keymap,
	now,
	store,
	theme,
	emptyText,
	terms,
	hyperlinks = false,
	feedNotes,
}: ReaderBodyProps) {
	const {overlay, screen} = state;
	const {columns, bodyRows} = layout;
	if (overlay.kind === 'help')
		return <HelpOverlay sections={keymap.help()} rows={bodyRows} width={columns} theme={theme} page={overlay.page} />;
	if (overlay.kind === 'picker') return <FeedPicker picker={overlay} rows={bodyRows} width={columns} theme={theme} notes={feedNotes} />;
	const open = screen.kind === 'detail' ? selectedArticle(state) : undefined;
	if (screen.kind === 'detail' && open !== undefined) {
		return (
			<ArticleDetail
				lines={detailLayout(open)}
				scroll={screen.scroll}
				rows={layout.detailRows}
				width={columns}
				position={{index: state.cursor, total: state.visible.length}}
				theme={theme}
				hyperlinks={hyperlinks}
			/>
		);
	}
	return (
		<HeadlineList
			articles={state.visible}
			cursor={state.cursor}
			rows={bodyRows}
			width={columns}
			now={now}
			store={store}
			theme={theme}
			emptyText={emptyText}
			terms={terms}
		/>
	);
}
