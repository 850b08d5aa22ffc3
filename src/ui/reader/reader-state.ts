import type {Article} from '../../core/articles/article.js';
import {ALL_ARTICLES, applyFilter, type ArticleFilter} from '../../core/search/article-filter.js';
import type {DetailState} from '../detail/detail-state.js';
import type {PickerState} from '../picker/picker-state.js';

/** The screen under any overlay: the headline list, or one article open with its own state. */
export type Screen = {kind: 'list'} | ({kind: 'detail'} & DetailState);

/** What covers the screen and takes the keys: nothing, the help, or the picker with its own state. */
export type Overlay = {kind: 'none'} | {kind: 'help'} | ({kind: 'picker'} & PickerState);

/** The reader's state: the screen and overlay, and what every screen shares. */
export type ReaderState = {
	screen: Screen;
	overlay: Overlay;
	/** Every loaded article, merged, newest first. */
	all: readonly Article[];
	filter: ArticleFilter;
	/** `all` through `filter`: the list on screen. */
	visible: readonly Article[];
	/** Index into `visible` of the selected (or open) article; 0 when the list is empty. */
	cursor: number;
	/** A one-off message for the status line, cleared by the next command. */
	message: string | null;
	quitting: boolean;
};

/** What the reducers need to know about the world: screen size, text length, read marks. */
export type ReaderEnv = {
	listRows: number;
	detailRows: number;
	detailLineCount(article: Article): number;
	isRead(id: string): boolean;
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
	| {type: 'quit'};

export type StepResult = {state: ReaderState; effects: ReaderEffect[]};

export const LIST: Screen = {kind: 'list'};
export const NO_OVERLAY: Overlay = {kind: 'none'};

export function initialReaderState(articles: readonly Article[] = []): ReaderState {
	return {
		screen: LIST,
		overlay: NO_OVERLAY,
		all: articles,
		filter: ALL_ARTICLES,
		visible: articles,
		cursor: 0,
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

/**
 * New articles or a new filter: the selection stays on the same article when it is still listed.
 * A cursor resting on the top row of the list stays on top, so feeds arriving one after another
 * during start-up leave the newest article selected rather than whichever feed parsed first.
 */
export function reselect(state: ReaderState, all: readonly Article[], filter: ArticleFilter): ReaderState {
	const staysOnTop = state.cursor === 0 && state.screen.kind === 'list';
	const selectedId = staysOnTop ? undefined : selectedArticle(state)?.id;
	const visible = applyFilter(all, filter);
	let cursor = selectedId === undefined ? 0 : visible.findIndex(article => article.id === selectedId);
	const lost = cursor === -1;
	if (lost) cursor = Math.min(state.cursor, Math.max(0, visible.length - 1));
	const screen = lost && state.screen.kind === 'detail' ? LIST : state.screen;
	return {...state, all, filter, visible, cursor, screen};
}
