import {ALL_ARTICLES} from '../../core/search/article-filter.js';
import type {ReaderEnv, ReaderState} from '../reader/reader-state.js';
import {refreshView} from '../reader/reader-view.js';

export type ViewCommand = 'viewAll' | 'viewUnread' | 'viewSaved' | 'toggleSort';

/**
 * Switches the view (a search stays on and narrows the new one); the selection stays on its
 * article when the new view lists it. Choosing the view already shown refreshes it: the unread
 * view drops what has been read since, the saved view takes in the latest bookmarks.
 */
export function viewReducer(state: ReaderState, command: ViewCommand, env: ReaderEnv): ReaderState {
	switch (command) {
		case 'viewAll':
			return refreshView(state, {scope: 'all', filter: ALL_ARTICLES, fresh: true}, env, 'keep');
		case 'viewUnread':
			return refreshView(state, {scope: 'unread', fresh: true}, env, 'keep');
		case 'viewSaved':
			return refreshView(state, {scope: 'saved', fresh: true}, env, 'keep');
		case 'toggleSort': {
			const sort = state.sort === 'date' ? 'feed' : 'date';
			return {...refreshView(state, {sort}, env, 'keep'), message: sort === 'feed' ? 'sorted by feed' : 'sorted by date'};
		}
	}
}
