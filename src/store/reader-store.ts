import {type Article, copyArticle} from '../core/articles/article.js';
import type {MemoryView} from './memory-view.js';
import type {Change} from './state/change.js';
import {mergeFeedMeta, sameFeedMeta} from './state/feed-meta.js';
import {subscriptionUrlProblem, toSubscription} from './state/subscriptions.js';
import type {ReaderStore} from './types.js';

/** Where changes are kept beyond memory: the journal and state file, or nowhere. */
export type Persistence = {
	/** Makes one change durable; called before the view shows it. */
	record(change: Change): void;
	noteSeen(ids: Iterable<string>): void;
	flush(): void;
	close(): void;
};

/** Keeps nothing: for a store that cannot be saved. */
export const noPersistence: Persistence = {record() {}, noteSeen() {}, flush() {}, close() {}};

/**
 * The store's face. Each call that changes something becomes exactly one Change (state/change.ts
 * says what each does): recorded by the persistence, then applied to the view. Reads answer from
 * the view only. A call that would change nothing records nothing and tells no one.
 */
export function createReaderStore(view: MemoryView, persistence: Persistence, options: {path: string; now: () => number}): ReaderStore {
	const {now} = options;
	const commit = (change: Change) => {
		persistence.record(change);
		view.apply(change);
	};

	return {
		path: options.path,
		notices: view.notices,
		isRead: view.isRead,
		isBookmarked: view.isBookmarked,
		bookmarks: view.bookmarks,
		setRead(id: string, read: boolean) {
			if (read === view.isRead(id)) return;
			commit(read ? {op: 'read', id, at: now()} : {op: 'unread', id});
		},
		setReadMany(ids, read) {
			const changing = [...new Set(ids)].filter(id => view.isRead(id) !== read);
			if (changing.length > 0) commit(read ? {op: 'read-many', ids: changing, at: now()} : {op: 'unread-many', ids: changing});
			return changing;
		},
		setBookmark(article: Article, bookmarked: boolean) {
			if (bookmarked === view.isBookmarked(article.id)) return;
			commit(bookmarked ? {op: 'bookmark', snapshot: {...copyArticle(article), savedAt: now()}} : {op: 'unbookmark', id: article.id});
		},
		subscriptions: view.subscriptions,
		addSubscription(given) {
			const subscription = toSubscription(given);
			if (!subscription) throw new TypeError(subscriptionUrlProblem(given.url));
			if (view.isSubscribed(subscription.url)) return false;
			commit({op: 'subscribe', subscription});
			return true;
		},
		removeSubscription(url) {
			if (!view.isSubscribed(url)) return false;
			commit({op: 'unsubscribe', url});
			return true;
		},
		feedMeta: view.feedMeta,
		setFeedMeta(url, update) {
			if (!view.isSubscribed(url)) return;
			const current = view.feedMeta(url);
			const meta = mergeFeedMeta(current, update);
			if (!sameFeedMeta(current, meta)) commit({op: 'feed-meta', url, meta});
		},
		version: view.version,
		subscribe: view.subscribe,
		noteSeen: ids => persistence.noteSeen(ids),
		flush: () => persistence.flush(),
		close: () => persistence.close(),
	};
}
