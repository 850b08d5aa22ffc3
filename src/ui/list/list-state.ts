import type {ListCommand} from '../keys/bindings.js';
import {openPicker} from '../picker/picker-state.js';
import {moveCursor, only, openAt, type ReaderEnv, type ReaderState, type StepResult} from '../reader/reader-state.js';
import {clearSearch, openSearch} from '../search/search-state.js';
import {viewReducer} from '../views/views-reducer.js';
import {markViewRead, undoMarkRead} from './bulk-read.js';

export type ListAction = {type: ListCommand};

/** The headline list moves the shared cursor and opens what it points at; searching, views and bulk marks go to their own modules. */
export function listReducer(state: ReaderState, action: ListAction, env: ReaderEnv): StepResult {
	switch (action.type) {
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
		case 'feeds':
			return only({...state, overlay: {kind: 'picker', ...openPicker(state.all, state.filter)}});
		case 'quit':
			return {state: {...state, quitting: true}, effects: [{type: 'quit'}]};
		case 'search':
			return only(openSearch(state));
		case 'clearSearch':
			return only(clearSearch(state, env));
		case 'viewAll':
		case 'viewUnread':
		case 'viewSaved':
		case 'toggleSort':
			return only(viewReducer(state, action.type, env));
		case 'markViewRead':
			return markViewRead(state, env);
		case 'undoMarkRead':
			return undoMarkRead(state);
	}
}
