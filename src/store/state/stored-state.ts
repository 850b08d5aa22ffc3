import type {BookmarkSnapshot} from '../types.js';
import type {ReadMark} from './read-marks.js';

/**
 * The whole persistent state in memory: what the state file holds once decoded, and (with the
 * journals replayed) what the reader shows. Entries are never mutated in place, only replaced, so
 * two states may share them.
 */
export type StoredState = {
	/** Article id → read mark. */
	read: Map<string, ReadMark>;
	/** Article id → snapshot. */
	bookmarks: Map<string, BookmarkSnapshot>;
};

export function emptyStoredState(): StoredState {
	return {read: new Map(), bookmarks: new Map()};
}

/** A state that can change without changing `state` (the entries are shared, see above). */
export function copyStoredState(state: StoredState): StoredState {
	return {read: new Map(state.read), bookmarks: new Map(state.bookmarks)};
}

/** Whether the reader would show both states the same way ("last seen" times aside). */
export function sameAsShown(a: StoredState, b: StoredState): boolean {
	if (a.read.size !== b.read.size || a.bookmarks.size !== b.bookmarks.size) return false;
	for (const [id, mark] of a.read) if (b.read.get(id)?.at !== mark.at) return false;
	for (const [id, snapshot] of a.bookmarks) if (b.bookmarks.get(id)?.savedAt !== snapshot.savedAt) return false;
	return true;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An epoch-ms time as the file and the journal may hold it. */
export const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
