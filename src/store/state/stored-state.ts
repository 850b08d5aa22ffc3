import type {BookmarkSnapshot, FeedMeta, Subscription} from '../types.js';
import {sameFeedMeta} from './feed-meta.js';
import type {ReadMark} from './read-marks.js';
import {sameSubscription} from './subscriptions.js';

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
	/** Url → subscription, in the order they were added. */
	subscriptions: Map<string, Subscription>;
	/** Url → what its last refresh learned; only for subscribed urls. */
	feedMeta: Map<string, FeedMeta>;
};

export function emptyStoredState(): StoredState {
	return {read: new Map(), bookmarks: new Map(), subscriptions: new Map(), feedMeta: new Map()};
}

// A loop copies a Map of 50,000 entries faster than `new Map(map)`, which goes through entry arrays.
function copyMap<K, V>(map: ReadonlyMap<K, V>): Map<K, V> {
	const copy = new Map<K, V>();
	for (const [key, value] of map) copy.set(key, value);
	return copy;
}

/** A state that can change without changing `state` (the entries are shared, see above). */
export function copyStoredState(state: StoredState): StoredState {
	// (The same copy as copyInSteps, without the steps: this one runs at open, on every entry.)
	return {
		read: copyMap(state.read),
		bookmarks: copyMap(state.bookmarks),
		subscriptions: copyMap(state.subscriptions),
		feedMeta: copyMap(state.feedMeta),
	};
}

/** copyStoredState, yielding after each entry copied, for a copy made in slices. */
export function* copyInSteps(state: StoredState): Generator<void, StoredState, undefined> {
	const copy = emptyStoredState();
	for (const name of ['read', 'bookmarks', 'subscriptions', 'feedMeta'] as const) {
		const to = copy[name] as Map<string, unknown>;
		for (const [key, value] of state[name]) {
			to.set(key, value);
			yield;
		}
	}

	return copy;
}

function sameSubscriptions(a: StoredState, b: StoredState): boolean {
	if (a.subscriptions.size !== b.subscriptions.size || a.feedMeta.size !== b.feedMeta.size) return false;
	const others = b.subscriptions.values();
	for (const subscription of a.subscriptions.values()) {
		if (!sameSubscription(subscription, others.next().value!)) return false;
	}

	for (const [url, meta] of a.feedMeta) if (!sameFeedMeta(meta, b.feedMeta.get(url))) return false;
	return true;
}

/** Whether the reader would show both states the same way ("last seen" times aside). */
export function sameAsShown(a: StoredState, b: StoredState): boolean {
	if (a.read.size !== b.read.size || a.bookmarks.size !== b.bookmarks.size) return false;
	for (const [id, mark] of a.read) if (b.read.get(id)?.at !== mark.at) return false;
	for (const [id, snapshot] of a.bookmarks) if (b.bookmarks.get(id)?.savedAt !== snapshot.savedAt) return false;
	return sameSubscriptions(a, b);
}
