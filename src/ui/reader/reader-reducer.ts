import type {Article} from '../../core/articles/article.js';
import type {ArticleFilter} from '../../core/search/article-filter.js';
import {detailReducer, withoutLinkNumber} from '../detail/detail-state.js';
import {
	type CommandId,
	isDetailCommand,
	isLinkCommand,
	isListCommand,
	isPickerCommand,
	isSearchCommand,
	type PickerCommand,
} from '../keys/bindings.js';
import {linkCommand, typeLinkDigit} from '../links/link-commands.js';
import {changesReadMarks} from '../list/bulk-read.js';
import {listReducer} from '../list/list-state.js';
import {highlightedChoice, pickerReducer} from '../picker/picker-state.js';
import {searchReducer} from '../search/search-state.js';
import {readerCommand} from './reader-commands.js';
import {LIST, NO_OVERLAY, only, type ReaderEnv, type ReaderState, type StepResult} from './reader-state.js';
import {refreshView} from './reader-view.js';

export type ReaderAction =
	| {type: 'articlesChanged'; articles: readonly Article[]}
	/** A command from the bindings table; it goes to the screen or overlay that owns it. */
	| {type: 'command'; command: CommandId}
	| {type: 'closeOverlay'}
	| {type: 'helpPage'}
	| {type: 'filterChosen'; filter: ArticleFilter}
	/** A digit typed in the article view, choosing a numbered link for the link commands. */
	| {type: 'linkDigit'; digit: number}
	/** Something the outside world reports for the status line (a browser that did not start). */
	| {type: 'showMessage'; message: string}
	/** Text typed or pasted into the search line. */
	| {type: 'searchType'; text: string}
	/** The search index has caught up: the query in use can narrow the list now. */
	| {type: 'searchReady'};

function withoutOverlay(state: ReaderState): ReaderState {
	return {...state, overlay: NO_OVERLAY};
}

function chooseFilter(state: ReaderState, filter: ArticleFilter, env: ReaderEnv): ReaderState {
	return {...withoutOverlay(refreshView(state, {filter}, env, 'keep')), screen: LIST};
}

function pickerCommand(state: ReaderState, command: PickerCommand, env: ReaderEnv): ReaderState {
	const {overlay} = state;
	if (overlay.kind !== 'picker') return state;
	switch (command) {
		case 'pickerChoose': {
			const chosen = highlightedChoice(overlay);
			return chosen === undefined ? withoutOverlay(state) : chooseFilter(state, chosen.filter, env);
		}
		case 'pickerCancel':
			return withoutOverlay(state);
		default:
			return {...state, overlay: {kind: 'picker', ...pickerReducer(overlay, {type: command})}};
	}
}

/** Sends a command to its screen's reducer; a list or article command on the other screen does nothing. */
function routeCommand(pending: ReaderState, command: CommandId, env: ReaderEnv): StepResult {
	if (isLinkCommand(command)) return linkCommand(pending, command);
	const state = withoutLinkNumber(pending);
	if (isListCommand(command)) return state.screen.kind === 'list' ? listReducer(state, {type: command}, env) : only(state);
	if (isDetailCommand(command)) return state.screen.kind === 'detail' ? detailReducer(state, {type: command}, env) : only(state);
	if (isPickerCommand(command)) return only(pickerCommand(state, command, env));
	if (isSearchCommand(command)) return state.overlay.kind === 'search' ? searchReducer(state, {type: command}, env) : only(state);
	return readerCommand(state, command, env);
}

/** Any read mark changed other than by "mark the view read" ends that change's undo. */
function settleUndo(result: StepResult, env: ReaderEnv): StepResult {
	if (result.state.undo === null || !changesReadMarks(result.effects, env)) return result;
	return {...result, state: {...result.state, undo: null}};
}

function stepOnce(state: ReaderState, action: ReaderAction, env: ReaderEnv): StepResult {
	switch (action.type) {
		case 'articlesChanged': {
			const next = refreshView(state, {all: action.articles}, env, 'settle');
			const {overlay} = next;
			if (overlay.kind !== 'picker') return only(next);
			return only({...next, overlay: {kind: 'picker', ...pickerReducer(overlay, action)}});
		}
		case 'filterChosen':
			return only(chooseFilter(state, action.filter, env));
		case 'closeOverlay':
			return only(withoutOverlay(state));
		case 'helpPage':
			return only(state.overlay.kind === 'help' ? {...state, overlay: {kind: 'help', page: state.overlay.page + 1}} : state);
		case 'searchType':
			return state.overlay.kind === 'search' ? searchReducer(state, action, env) : only(state);
		case 'searchReady':
			return state.search.pending ? only(refreshView(state, {}, env, state.overlay.kind === 'search' ? 'top' : 'keep')) : only(state);
		case 'command':
			return routeCommand({...state, message: null}, action.command, env);
		case 'linkDigit':
			return typeLinkDigit({...state, message: null}, action.digit);
		case 'showMessage':
			return only({...state, message: action.message});
	}
}

/** The pure core of the reader: the next state and the effects it implies. It holds no screen's logic, only routes. */
export function step(state: ReaderState, action: ReaderAction, env: ReaderEnv): StepResult {
	return settleUndo(stepOnce(state, action, env), env);
}

export function readerReducer(state: ReaderState, action: ReaderAction, env: ReaderEnv): ReaderState {
	return step(state, action, env).state;
}
