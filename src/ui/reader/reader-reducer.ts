import type {Article} from '../../core/articles/article.js';
import type {ArticleFilter} from '../../core/search/article-filter.js';
import {detailReducer, withoutLinkNumber} from '../detail/detail-state.js';
import {isDetailCommand, isLinkCommand, isListCommand, isPickerCommand, type CommandId, type PickerCommand} from '../keys/bindings.js';
import {linkCommand, typeLinkDigit} from '../links/link-commands.js';
import {listReducer} from '../list/list-state.js';
import {highlightedChoice, pickerReducer} from '../picker/picker-state.js';
import {readerCommand} from './reader-commands.js';
import {LIST, NO_OVERLAY, only, reselect, type ReaderEnv, type ReaderState, type StepResult} from './reader-state.js';

export type ReaderAction =
	| {type: 'articlesChanged'; articles: readonly Article[]}
	/** A command from the bindings table; it goes to the screen or overlay that owns it. */
	| {type: 'command'; command: CommandId}
	| {type: 'closeOverlay'}
	| {type: 'filterChosen'; filter: ArticleFilter}
	/** A digit typed in the article view, choosing a numbered link for the link commands. */
	| {type: 'linkDigit'; digit: number}
	/** Something the outside world reports for the status line (a browser that did not start). */
	| {type: 'showMessage'; message: string};

function withoutOverlay(state: ReaderState): ReaderState {
	return {...state, overlay: NO_OVERLAY};
}

function chooseFilter(state: ReaderState, filter: ArticleFilter): ReaderState {
	return {...withoutOverlay(reselect(state, state.all, filter)), screen: LIST};
}

function pickerCommand(state: ReaderState, command: PickerCommand): ReaderState {
	const {overlay} = state;
	if (overlay.kind !== 'picker') return state;
	switch (command) {
		case 'pickerChoose': {
			const chosen = highlightedChoice(overlay);
			return chosen === undefined ? withoutOverlay(state) : chooseFilter(state, chosen.filter);
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
	if (isPickerCommand(command)) return only(pickerCommand(state, command));
	return readerCommand(state, command, env);
}

/** The pure core of the reader: the next state and the effects it implies. It holds no screen's logic, only routes. */
export function step(state: ReaderState, action: ReaderAction, env: ReaderEnv): StepResult {
	switch (action.type) {
		case 'articlesChanged': {
			const next = reselect(state, action.articles, state.filter);
			const {overlay} = next;
			if (overlay.kind !== 'picker') return only(next);
			return only({...next, overlay: {kind: 'picker', ...pickerReducer(overlay, action)}});
		}
		case 'filterChosen':
			return only(chooseFilter(state, action.filter));
		case 'closeOverlay':
			return only(withoutOverlay(state));
		case 'command':
			return routeCommand({...state, message: null}, action.command, env);
		case 'linkDigit':
			return typeLinkDigit({...state, message: null}, action.digit);
		case 'showMessage':
			return only({...state, message: action.message});
	}
}

export function readerReducer(state: ReaderState, action: ReaderAction, env: ReaderEnv): ReaderState {
	return step(state, action, env).state;
}
