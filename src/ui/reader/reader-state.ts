import type {Article} from '../../core/articles/article.js';
import {ALL_ARTICLES, type ArticleFilter} from '../../core/search/article-filter.js';
import type {DetailState} from '../detail/detail-state.js';
import type {BulkChange} from '../list/bulk-read.js';
import type {PickerState} from '../picker/picker-state.js';
import {NO_SEARCH, type SearchState} from '../search/search-query.js';
import type {SortOrder, ViewScope} from '../views/view-state.js';

/** The screen under any overlay: the headline list, or one article open with its own state. */
export type Screen = {kind: 'list'} | ({kind: 'detail'} & DetailState);

/**
 * What takes the keys above the screen: nothing, the help (on its page), the picker with its own
 * state, or the search line (drawn at the bottom, over the list, which narrows as it is typed).
 */
export type Overlay = {kind: 'none'} | {kind: 'help'; page: number} | ({kind: 'picker'} & PickerState) | {kind: 'search'};

/** The reader's state: the screen and overlay, and what every screen shares. */
export type ReaderState = {
	screen: Screen;
	overlay: Overlay;
	/** Every loaded article, merged, newest first. */
	all: readonly Article[];
	/** The view: which articles (all, unread, saved), from which feed or section, in which order. */
	scope: ViewScope;
	filter: ArticleFilter;
	sort: SortOrder;
	/** What the view lists before any search. */
	base: readonly Article[];
	search: SearchState;
	/** `base` narrowed by the search: the list on screen. */
	visible: readonly Article[];
	/** Index into `visible` of the selected (or open) article; 0 when the list is empty. */
	cursor: number;
	/** The last "mark the view read", until `u` undoes it or any other read mark changes. */
	undo: BulkChange | null;
	/** A one-off message for the status line, cleared by the next command. */
	message: string | null;
	quitting: boolean;
};

/** What the reducers need to know about the world: screen size, text length, read marks, bookmarks, search. */
export type ReaderEnv = {
	listRows: number;
	detailRows: number;
	detailLineCount(article: Article): number;
	isRead(id: string): boolean;
	/** The stored bookmark snapshots, for the saved view; none when not given. */
	bookmarks?(): readonly Article[];
	/**
	 * The articles of `articles` matching `query`, in order; undefined while the answer is still
	 * being worked out (the reader is told with `searchReady`). A search built on the spot when not given.
	 */
	search?(articles: readonly Article[], query: string): readonly Article[] | undefined;
};

/** Changes to the outside world a step asks for; the caller performs them in order. */
export type ReaderEffect =
	| {type: 'markRead'; article: Article}
	| {type: 'toggleRead'; article: Article}
	| {type: 'toggleBookmark'; article: Article}
	/** Load again the feed of `article`, or every feed. */
	| {type: 'refresh'; article?: Article}
	/** A URL already checked to be http, https or mailto (src/core/links/openable-url.ts). */
	| {type: 'openLink'; url: string}
	| {type: 'copyLink'; url: string}
	| {type: 'setReadMany'; ids: readonly string[]; read: boolean}
	| {type: 'quit'};

export type StepResult = {state: ReaderState; effects: ReaderEffect[]};

export const LIST: Screen = {kind: 'list'};
export const NO_OVERLAY: Overlay = {kind: 'none'};

export function initialReaderState(articles: readonly Article[] = []): ReaderState {
	return {
		screen: LIST,
		overlay: NO_OVERLAY,
		all: articles,
		scope: 'all',
		filter: ALL_ARTICLES,
		sort: 'date',
		base: articles,
		search: NO_SEARCH,
		visible: articles,
		cursor: 0,
		undo: null,
		message: null,
		quitting: false,
	};
}

export function selectedArticle(state: ReaderState): Article | undefined {
	return state.visible[state.cursor];
}

/** A step that changes only the state. */
export function only(state: ReaderState): StepResult {
	return {state, effects: []};
}

export function clamp(value: number, low: number, high: number): number {
	return Math.max(low, Math.min(high, value));
}

export function moveCursor(state: ReaderState, to: number): ReaderState {
	return {...state, cursor: clamp(to, 0, Math.max(0, state.visible.length - 1))};
}

/** Opens the article at `index`, from its top; opening marks it read. */
export function openAt(state: ReaderState, index: number): StepResult {
	const article = state.visible[index];
	if (article === undefined) return only(state);
	return {
		state: {...state, screen: {kind: 'detail', scroll: 0}, cursor: index},
		effects: [{type: 'markRead', article}],
	};
}
