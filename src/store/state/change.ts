import {applyBookmarkChange, toBookmarkChange, type BookmarkChange} from './bookmarks.js';
import {applyReadChange, toReadChange, type ReadChange} from './read-marks.js';
import {isPlainObject, type StoredState} from './stored-state.js';

/**
 * One change to the state, as the journal records it. Changes are idempotent ("set read", never
 * "toggle"), so replaying one twice is harmless while losing one is not.
 */
export type Change = (ReadChange | BookmarkChange) & {
	/** The instance that made the change, so compaction can tell whether others changed anything. */
	by?: string;
};

/** The one way state changes: the memory view, a journal replay and a compaction all call this. */
export function applyChange(state: StoredState, change: Change): void {
	switch (change.op) {
		case 'read':
		case 'unread': {
			applyReadChange(state, change);
			break;
		}

		case 'bookmark':
		case 'unbookmark': {
			applyBookmarkChange(state, change);
			break;
		}
	}
}

/** A change read back from a journal line; undefined for anything else. */
export function toChange(value: unknown): Change | undefined {
	if (!isPlainObject(value)) return undefined;
	const change: Change | undefined = toReadChange(value) ?? toBookmarkChange(value);
	if (change && typeof value.by === 'string') change.by = value.by;
	return change;
}
