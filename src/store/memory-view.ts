import {bookmarksNewestFirst} from './state/bookmarks.js';
import {applyChange, type Change} from './state/change.js';
import {deleteReadMarks, type ReadMark} from './state/read-marks.js';
import {copyStoredState, type StoredState, sameAsShown} from './state/stored-state.js';
import type {BookmarkSnapshot, FeedMeta, Subscription} from './types.js';

/**
 * What the reader sees of the store: the state file with every journal replayed, plus the notices.
 * It owns its state; nothing else holds a reference to it, and it changes only through the functions
 * below, each of which tells the subscribers (and bumps the version React compares).
 */
export type MemoryView = {
	isRead(id: string): boolean;
	readMark(id: string): ReadMark | undefined;
	isBookmarked(id: string): boolean;
	bookmarks(): BookmarkSnapshot[];
	isSubscribed(url: string): boolean;
	subscriptions(): Subscription[];
	feedMeta(url: string): FeedMeta | undefined;
	readonly notices: string[];
	version(): number;
	subscribe(listener: () => void): () => void;
	/** One change made by this instance. */
	apply(change: Change): void;
	/** Takes over merged state that holds other instances' changes (copied, so `state` stays the caller's). */
	replace(state: StoredState): void;
	/** Takes over `state` as its own (the caller must not keep using it), and tells the subscribers. */
	adopt(state: StoredState): void;
	/** Drops read marks that compaction pruned. */
	forgetReadMarks(ids: readonly string[]): void;
	/** Notices can appear later (a failed save); each is added once. */
	addNotice(line: string): void;
};

/** `initial` becomes the view's own: the caller must not keep using it. */
export function createMemoryView(initial: StoredState, notices: string[] = []): MemoryView {
	let state = initial;
	let version = 0;
	const listeners = new Set<() => void>();
	const changed = () => {
		version++;
		for (const listener of listeners) listener();
	};

	return {
		isRead: id => state.read.has(id),
		readMark: id => state.read.get(id),
		isBookmarked: id => state.bookmarks.has(id),
		bookmarks: () => bookmarksNewestFirst(state),
		isSubscribed: url => state.subscriptions.has(url),
		subscriptions: () => [...state.subscriptions.values()],
		feedMeta: url => state.feedMeta.get(url),
		notices,
		version: () => version,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		apply(change) {
			applyChange(state, change);
			changed();
		},
		replace(merged) {
			if (sameAsShown(merged, state)) return;
			state = copyStoredState(merged);
			changed();
		},
		adopt(taken) {
			state = taken;
			changed();
		},
		forgetReadMarks(ids) {
			if (ids.length === 0) return;
			deleteReadMarks(state, ids);
			changed();
		},
		addNotice(line) {
			if (notices.includes(line)) return;
			notices.push(line);
			changed();
		},
	};
}
