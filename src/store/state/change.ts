import {applyBookmarkChange, type BookmarkChange, toBookmarkChange} from './bookmarks.js';
import {applyFeedMetaChange, type FeedMetaChange, toFeedMetaChange} from './feed-meta.js';
import {isPlainObject} from './json-checks.js';
import {applyReadChange, type ReadChange, toReadChange} from './read-marks.js';
import type {StoredState} from './stored-state.js';
import {applySubscriptionChange, type SubscriptionChange, toSubscriptionChange} from './subscriptions.js';

/**
 * One change to the state, as the journal records it. Changes are idempotent ("set read", never
 * "toggle"), so replaying one twice is harmless while losing one is not.
 */
export type Change = (ReadChange | BookmarkChange | SubscriptionChange | FeedMetaChange) & {
	/** The instance that made the change, so compaction can tell whether others changed anything. */
	by?: string;
};

/** The one way state changes: the memory view, a journal replay and a compaction all call this. */
export function applyChange(state: StoredState, change: Change): void {
	switch (change.op) {
		case 'read':
		case 'unread':
		case 'read-many':
		case 'unread-many': {
			applyReadChange(state, change);
			break;
		}

		case 'bookmark':
		case 'unbookmark': {
			applyBookmarkChange(state, change);
			break;
		}

		case 'subscribe':
		case 'unsubscribe': {
			applySubscriptionChange(state, change);
			break;
		}

		case 'feed-meta': {
			applyFeedMetaChange(state, change);
			break;
		}
	}
}

/** A change read back from a journal line; undefined for anything else. */
export function toChange(value: unknown): Change | undefined {
	if (!isPlainObject(value)) return undefined;
	const change: Change | undefined =
		toReadChange(value) ?? toBookmarkChange(value) ?? toSubscriptionChange(value) ?? toFeedMetaChange(value);
	if (change && typeof value.by === 'string') change.by = value.by;
	return change;
}
