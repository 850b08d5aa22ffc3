import {createMemoryView} from './memory-view.js';
import {createReaderStore, noPersistence} from './reader-store.js';
import {emptyStoredState, type StoredState} from './state/stored-state.js';
import type {ReaderStore} from './types.js';

/**
 * A store that lives only in memory: the fallback when the state file cannot be opened (the user is
 * told nothing will be saved), state shown read-only (a newer version's file, a read-only directory,
 * something other than a regular file where a state file or journal belongs), and tests of the interface.
 */
export function createMemoryStore(
	state: StoredState = emptyStoredState(),
	options: {path?: string; notices?: string[]; now?: () => number} = {},
): ReaderStore {
	return createReaderStore(createMemoryView(state, options.notices), noPersistence, {
		path: options.path ?? '(memory)',
		now: options.now ?? Date.now,
	});
}
