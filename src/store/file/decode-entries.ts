import {toBookmarkSnapshot} from '../state/bookmarks.js';
import {toFeedMeta} from '../state/feed-meta.js';
import {isPlainObject} from '../state/json-checks.js';
import {toReadMark} from '../state/read-marks.js';
import type {StoredState} from '../state/stored-state.js';
import {toSubscription} from '../state/subscriptions.js';

// One entry of the file at a time, for decodeState (the whole file parsed at once) and for the
// background save's reading in slices (read-in-slices.ts), so both keep exactly the same entries.
// Each returns false when the entry is not understood (the caller counts it as dropped).

export function decodeReadEntry(state: StoredState, id: string, value: unknown): boolean {
	const mark = toReadMark(value);
	if (mark) state.read.set(id, mark);
	return mark !== undefined;
}

export function decodeBookmarkEntry(state: StoredState, value: unknown): boolean {
	const snapshot = toBookmarkSnapshot(value);
	if (snapshot) state.bookmarks.set(snapshot.id, snapshot);
	return snapshot !== undefined;
}

/** A url subscribed twice keeps its first place and title. */
export function decodeSubscriptionEntry(state: StoredState, value: unknown): boolean {
	const subscription = toSubscription(value);
	if (subscription && !state.subscriptions.has(subscription.url)) state.subscriptions.set(subscription.url, subscription);
	return subscription !== undefined;
}

/** Call once the subscriptions are in: the metadata of a feed no longer subscribed is left behind. */
export function decodeFeedMetaEntry(state: StoredState, url: string, value: unknown): boolean {
	if (!isPlainObject(value)) return false;
	if (state.subscriptions.has(url)) state.feedMeta.set(url, toFeedMeta(value));
	return true;
}
