import {graphemes} from '../../present/graphemes.js';
import type {SearchCommand} from '../keys/bindings.js';
import {moveCursor, NO_OVERLAY, only, type ReaderEnv, type ReaderState, type StepResult} from '../reader/reader-state.js';
import {refreshView} from '../reader/reader-view.js';
import {MAX_QUERY_LENGTH} from './search-query.js';

export type SearchAction = {type: SearchCommand} | {type: 'searchType'; text: string};

// Line breaks, tabs and other controls in typed or pasted text become spaces.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

function eraseLast(query: string): string {
	let last = 0;
	for (const {index} of graphemes(query)) last = index;
	return query.slice(0, last);
}

function withQuery(state: ReaderState, query: string, env: ReaderEnv): ReaderState {
	return query === state.search.query ? state : refreshView(state, {query}, env, 'top');
}

/** `/` on the list: the search line opens on the query in use, to refine it or start one. */
export function openSearch(state: ReaderState): ReaderState {
	return {...state, overlay: {kind: 'search'}};
}

/** Clears the query; the selection stays on its article, now among all the view's articles. */
export function clearSearch(state: ReaderState, env: ReaderEnv): ReaderState {
	const cleared = state.search.query === '' ? state : refreshView(state, {query: ''}, env, 'keep');
	return {...cleared, overlay: NO_OVERLAY};
}

/** The search line: typing narrows the list, Enter keeps the filter, Esc clears it. */
export function searchReducer(state: ReaderState, action: SearchAction, env: ReaderEnv): StepResult {
	switch (action.type) {
		case 'searchType': {
			const query = (state.search.query + action.text.replace(CONTROLS, ' ')).slice(0, MAX_QUERY_LENGTH);
			return only(withQuery(state, query, env));
		}
		case 'searchErase':
			return only(withQuery(state, eraseLast(state.search.query), env));
		case 'searchKeep':
			return only(
				state.search.query.trim() === '' ? clearSearch(state, env) : {...state, overlay: NO_OVERLAY, message: 'Esc clears the search'},
			);
		case 'searchClear':
			return only(clearSearch(state, env));
		case 'searchDown':
			return only(moveCursor(state, state.cursor + 1));
		case 'searchUp':
			return only(moveCursor(state, state.cursor - 1));
	}
}
