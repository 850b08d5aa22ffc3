import type {Article} from '../../core/articles/article.js';
import type {CommandId} from '../key-bindings.js';
import {ALL_ARTICLES, applyFilter, filterChoices, filterKey, type ArticleFilter, type FilterChoice} from '../../core/search/article-filter.js';

export type Screen = 'list' | 'detail';
export type Overlay = 'none' | 'help' | 'picker';

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
	/** First line of the open article shown. */
	detailScroll: number;
	/** A one-off message for the status line, cleared by the next command. */
	message: string | null;
	quitting: boolean;
	/** While the feed picker is open: its choices and the highlighted one. */
	picker: PickerState | null;
};

export type PickerState = {choices: readonly FilterChoice[]; index: number};

export type ReaderAction =
	| {type: 'articlesChanged'; articles: readonly Article[]}
	| {type: 'command'; command: CommandId}
	| {type: 'closeOverlay'}
	| {type: 'filterChosen'; filter: ArticleFilter};

/** What the reducer needs to know about the world: screen size, text length, read marks. */
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
	| {type: 'quit'};

export type StepResult = {state: ReaderState; effects: ReaderEffect[]};

export function initialReaderState(articles: readonly Article[] = []): ReaderState {
	return {
		screen: 'list',
		overlay: 'none',
		all: articles,
		filter: ALL_ARTICLES,
		visible: articles,
		cursor: 0,
		detailScroll: 0,
		message: null,
		quitting: false,
		picker: null,
	};
}

export function selectedArticle(state: ReaderState): Article | undefined {
	return state.visible[state.cursor];
}

export function readerReducer(state: ReaderState, action: ReaderAction, env: ReaderEnv): ReaderState {
	return step(state, action, env).state;
}

/** The pure core of the reader: the next state and the effects it implies. */
export function step(state: ReaderState, action: ReaderAction, env: ReaderEnv): StepResult {
	switch (action.type) {
		case 'articlesChanged': {
			const next = reselect(state, action.articles, state.filter);
			return {state: state.picker === null ? next : {...next, picker: refreshPicker(state.picker, action.articles)}, effects: []};
		}
		case 'filterChosen':
			return {state: chooseFilter(state, action.filter), effects: []};
		case 'closeOverlay':
			return {state: withoutOverlay(state), effects: []};
		case 'command':
			return runCommand({...state, message: null}, action.command, env);
	}
}

/**
 * New articles or a new filter: the selection stays on the same article when it is still listed.
 * A cursor resting on the top row of the list stays on top, so feeds arriving one after another
 * during start-up leave the newest article selected rather than whichever feed parsed first.
 */
function reselect(state: ReaderState, all: readonly Article[], filter: ArticleFilter): ReaderState {
	const staysOnTop = state.cursor === 0 && state.screen === 'list';
	const selectedId = staysOnTop ? undefined : selectedArticle(state)?.id;
	const visible = applyFilter(all, filter);
	let cursor = selectedId === undefined ? 0 : visible.findIndex(article => article.id === selectedId);
	const lost = cursor === -1;
	if (lost) cursor = Math.min(state.cursor, Math.max(0, visible.length - 1));
	const screen = lost && state.screen === 'detail' ? 'list' : state.screen;
	return {...state, all, filter, visible, cursor, screen};
}

/** Closes the help or the picker (`picker` is set exactly while the overlay is the picker). */
function withoutOverlay(state: ReaderState): ReaderState {
	return {...state, overlay: 'none', picker: null};
}

function chooseFilter(state: ReaderState, filter: ArticleFilter): ReaderState {
	return {...withoutOverlay(reselect(state, state.all, filter)), screen: 'list'};
}

/** The picker's choices, highlighting `highlight` (or the first) when it is among them. */
function openPicker(all: readonly Article[], highlight: ArticleFilter): PickerState {
	const choices = filterChoices(all);
	const key = filterKey(highlight);
	return {choices, index: Math.max(0, choices.findIndex(choice => filterKey(choice.filter) === key))};
}

/** Feeds still loading while the picker is open update its counts; the highlight stays put. */
function refreshPicker(picker: PickerState, all: readonly Article[]): PickerState {
	const highlighted = picker.choices[picker.index];
	return openPicker(all, highlighted?.filter ?? ALL_ARTICLES);
}

/** Moves the highlight, wrapping around at either end as ink-select-input does. */
function movePicker(state: ReaderState, to: (index: number, count: number) => number): ReaderState {
	if (state.picker === null) return state;
	const count = state.picker.choices.length;
	return count === 0 ? state : {...state, picker: {...state.picker, index: ((to(state.picker.index, count) % count) + count) % count}};
}

function clamp(value: number, low: number, high: number): number {
	return Math.max(low, Math.min(high, value));
}

function moveCursor(state: ReaderState, to: number): ReaderState {
	return {...state, cursor: clamp(to, 0, Math.max(0, state.visible.length - 1))};
}

function scrollTo(state: ReaderState, to: number, env: ReaderEnv): ReaderState {
	const article = selectedArticle(state);
	const lines = article === undefined ? 0 : env.detailLineCount(article);
	return {...state, detailScroll: clamp(to, 0, Math.max(0, lines - env.detailRows))};
}

/** Opens the article at `index`; opening marks it read. */
function openAt(state: ReaderState, index: number): StepResult {
	const article = state.visible[index];
	if (article === undefined) return {state, effects: []};
	return {
		state: {...state, screen: 'detail', cursor: index, detailScroll: 0},
		effects: [{type: 'markRead', article}],
	};
}

/** The first unread article after the cursor, wrapping around to the top (the current one last). */
function nextUnreadIndex(state: ReaderState, env: ReaderEnv): number | undefined {
	const count = state.visible.length;
	for (let offset = 1; offset <= count; offset++) {
		const index = (state.cursor + offset) % count;
		const article = state.visible[index];
		if (article !== undefined && !env.isRead(article.id)) return index;
	}
	return undefined;
}

function runCommand(state: ReaderState, command: CommandId, env: ReaderEnv): StepResult {
	const article = selectedArticle(state);
	const only = (next: ReaderState): StepResult => ({state: next, effects: []});
	switch (command) {
		case 'moveDown':
			return only(moveCursor(state, state.cursor + 1));
		case 'moveUp':
			return only(moveCursor(state, state.cursor - 1));
		case 'pageDown':
			return only(moveCursor(state, state.cursor + env.listRows));
		case 'pageUp':
			return only(moveCursor(state, state.cursor - env.listRows));
		case 'first':
			return only(moveCursor(state, 0));
		case 'last':
			return only(moveCursor(state, state.visible.length - 1));
		case 'open':
			return openAt(state, state.cursor);
		case 'scrollDown':
			return only(scrollTo(state, state.detailScroll + 1, env));
		case 'scrollUp':
			return only(scrollTo(state, state.detailScroll - 1, env));
		case 'scrollPageDown':
			return only(scrollTo(state, state.detailScroll + env.detailRows, env));
		case 'scrollPageUp':
			return only(scrollTo(state, state.detailScroll - env.detailRows, env));
		case 'scrollTop':
			return only(scrollTo(state, 0, env));
		case 'scrollBottom':
			return only(scrollTo(state, Number.MAX_SAFE_INTEGER, env));
		case 'nextArticle':
			if (state.cursor + 1 >= state.visible.length) return only({...state, message: 'this is the last article'});
			return openAt(state, state.cursor + 1);
		case 'previousArticle':
			if (state.cursor === 0) return only({...state, message: 'this is the first article'});
			return openAt(state, state.cursor - 1);
		case 'back':
			return only({...state, screen: 'list', detailScroll: 0});
		case 'toggleBookmark':
			return {state, effects: article === undefined ? [] : [{type: 'toggleBookmark', article}]};
		case 'toggleRead':
			return {state, effects: article === undefined ? [] : [{type: 'toggleRead', article}]};
		case 'nextUnread': {
			const index = nextUnreadIndex(state, env);
			if (index === undefined) return only({...state, message: 'no unread articles'});
			return state.screen === 'detail' ? openAt(state, index) : only({...state, cursor: index});
		}
		case 'feeds':
			return only({...state, overlay: 'picker', picker: openPicker(state.all, state.filter)});
		case 'pickerDown':
			return only(movePicker(state, index => index + 1));
		case 'pickerUp':
			return only(movePicker(state, index => index - 1));
		case 'pickerFirst':
			return only(movePicker(state, () => 0));
		case 'pickerLast':
			return only(movePicker(state, (_index, count) => count - 1));
		case 'pickerChoose': {
			const chosen = state.picker?.choices[state.picker.index];
			return only(chosen === undefined ? withoutOverlay(state) : chooseFilter(state, chosen.filter));
		}
		case 'pickerCancel':
			return only(withoutOverlay(state));
		case 'help':
			return only({...state, overlay: state.overlay === 'help' ? 'none' : 'help'});
		case 'quit':
			return {state: {...state, quitting: true}, effects: [{type: 'quit'}]};
	}
}
