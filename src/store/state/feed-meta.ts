import {sanitizeLine} from '../../core/text/sanitize.js';
import type {FeedMeta} from '../types.js';
import {isPlainObject, isTime} from './json-checks.js';
import type {StoredState} from './stored-state.js';

// Everything a feed's metadata is: how a change writes it (the memory view, a journal replay and a
// compaction all go through applyFeedMetaChange) and how it is checked when read back. It is kept
// only for subscribed feeds, so removing a subscription removes it too (see subscriptions.ts) and a
// late refresh of a feed removed meanwhile leaves nothing behind.

/** The whole metadata of one feed, as it stands after the change: replaying it twice is harmless. */
export type FeedMetaChange = {op: 'feed-meta'; url: string; meta: FeedMeta};

const FIELDS: ReadonlyArray<keyof FeedMeta> = ['etag', 'lastModified', 'lastRefresh', 'lastError', 'retryAfter', 'articleCount', 'title'];
export const FEED_META_FIELDS: ReadonlySet<string> = new Set(FIELDS);

/** HTTP validators go back to the server verbatim: one with a control character is dropped, not changed. */
const headerValue = (value: unknown): string | undefined =>
	typeof value === 'string' && value !== '' && !/[\u0000-\u001F\u007F-\u009F]/.test(value) ? value : undefined;

/** Each field checked on its own (a bad one is dropped, the rest kept); frozen because the view hands it out. */
export function toFeedMeta(value: Record<string, unknown>): FeedMeta {
	const meta: FeedMeta = {};
	const etag = headerValue(value.etag);
	if (etag !== undefined) meta.etag = etag;
	const lastModified = headerValue(value.lastModified);
	if (lastModified !== undefined) meta.lastModified = lastModified;
	if (isTime(value.lastRefresh)) meta.lastRefresh = value.lastRefresh;
	if (value.lastError === null) meta.lastError = null;
	else if (typeof value.lastError === 'string') meta.lastError = sanitizeLine(value.lastError);
	if (isTime(value.retryAfter)) meta.retryAfter = value.retryAfter;
	if (Number.isSafeInteger(value.articleCount) && (value.articleCount as number) >= 0) meta.articleCount = value.articleCount as number;
	if (typeof value.title === 'string') meta.title = sanitizeLine(value.title);
	return Object.freeze(meta);
}

/** `current` with `update` laid over it (a field given as undefined is removed). */
export function mergeFeedMeta(current: FeedMeta | undefined, update: FeedMeta): FeedMeta {
	const merged: Record<string, unknown> = {...current};
	for (const field of FIELDS) {
		if (!(field in update)) continue;
		if (update[field] === undefined) delete merged[field];
		else merged[field] = update[field];
	}

	return toFeedMeta(merged);
}

export function sameFeedMeta(a: FeedMeta | undefined, b: FeedMeta | undefined): boolean {
	return FIELDS.every(field => a?.[field] === b?.[field]);
}

export function applyFeedMetaChange(state: StoredState, change: FeedMetaChange): void {
	if (!state.subscriptions.has(change.url)) return;
	if (Object.keys(change.meta).length === 0) state.feedMeta.delete(change.url);
	else state.feedMeta.set(change.url, change.meta);
}

/** A feed metadata change read back from the journal; undefined when it is not one. */
export function toFeedMetaChange(value: Record<string, unknown>): FeedMetaChange | undefined {
	if (value.op !== 'feed-meta' || typeof value.url !== 'string' || !isPlainObject(value.meta)) return undefined;
	return {op: 'feed-meta', url: value.url, meta: toFeedMeta(value.meta)};
}
