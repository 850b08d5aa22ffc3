import fc from 'fast-check';
import type {ReadMark} from '../../src/store/state/read-marks.js';
import type {StoredState} from '../../src/store/state/stored-state.js';
import type {BookmarkSnapshot, FeedMeta, Subscription} from '../../src/store/types.js';
import {article} from './store-fixtures.js';

// fast-check arbitraries for the state, shared by the tests of the file format and of reading it.

/** Any UTF-16 code unit, lone surrogates, quotes, backslashes and controls included. */
export const anyId = fc.string({
	unit: fc.integer({min: 0, max: 0xff_ff}).map(code => String.fromCharCode(code)),
	minLength: 1,
	maxLength: 12,
});
export const time = fc.integer({min: 0, max: 4_000_000_000_000});
export const readMark = fc.tuple(time, time).map(([at, later]): ReadMark => ({at, seen: Math.max(at, later)}));
export const snapshot = fc
	.tuple(fc.stringMatching(/^[a-z0-9-]{1,10}$/), time)
	.map(([id, savedAt]): BookmarkSnapshot => ({...article(id), savedAt}));
const word = fc.stringMatching(/^[A-Za-z0-9._-]{1,10}$/);
const feedUrl = fc.oneof(
	fc.webUrl(),
	word.map(name => `/home/reader/feeds/${name}.xml`),
);
const subscription = fc.record({url: feedUrl, title: word, group: fc.array(word, {minLength: 1, maxLength: 3})}, {requiredKeys: ['url']});
const feedMeta = fc.record(
	{
		etag: word.map(tag => `"${tag}"`),
		lastModified: fc.constant('Wed, 21 Oct 2026 07:28:00 GMT'),
		lastRefresh: time,
		lastError: fc.oneof(fc.constant(null), word),
		retryAfter: time,
		articleCount: fc.nat(),
		title: word,
	},
	{requiredKeys: ['lastRefresh']},
);

/** Subscriptions (unique urls, in order) and metadata for some of them. */
export const feeds = fc
	.uniqueArray(subscription, {selector: feed => feed.url, maxLength: 5})
	.chain(list => fc.tuple(fc.constant(list), fc.array(fc.option(feedMeta), {minLength: list.length, maxLength: list.length})))
	.map(([list, metas]) => ({
		subscriptions: new Map<string, Subscription>(list.map(feed => [feed.url, feed])),
		feedMeta: new Map<string, FeedMeta>(
			list.flatMap((feed, index) => {
				const meta = metas[index];
				return meta ? [[feed.url, meta] as const] : [];
			}),
		),
	}));

export const storedState = fc
	.record({
		read: fc.array(fc.tuple(anyId, readMark), {maxLength: 30}).map(entries => new Map(entries)),
		bookmarks: fc.array(snapshot, {maxLength: 5}).map(snapshots => new Map(snapshots.map(saved => [saved.id, saved]))),
		feeds,
	})
	.map(({read, bookmarks, feeds}): StoredState => ({read, bookmarks, ...feeds}));
