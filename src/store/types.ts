import type {Article} from '../core/articles/article.js';
import type {FeedMeta} from '../core/feed-meta.js';

export type {FeedMeta} from '../core/feed-meta.js';

/** What a bookmark keeps, so it outlives the article leaving its feed. */
export type BookmarkSnapshot = Article & {savedAt: number};

/** A feed the user subscribed to. The url is its identity: a store holds each url once. */
export type Subscription = {
	/** A URL (`https://…`) or an absolute file path. */
	url: string;
	/** The title the user gave it (or an OPML outline's); the feed's own title is in FeedMeta. */
	title?: string;
	/** Where it sits in nested OPML outlines, outermost first. */
	group?: string[];
};

/**
 * The reader's persistent state, seen through an in-memory view: reads never touch the disk,
 * and each change is durable when the call returns.
 */
export type ReaderStore = {
	isRead(id: string): boolean;
	isBookmarked(id: string): boolean;
	setRead(id: string, read: boolean): void;
	/**
	 * Marks many articles read or unread as one change (one journal entry, work in proportion to
	 * `ids`). Returns the ids whose mark changed: pass them back with the opposite `read` to undo.
	 */
	setReadMany(ids: readonly string[], read: boolean): string[];
	/** Saves a snapshot of the article, or removes the bookmark. */
	setBookmark(article: Article, bookmarked: boolean): void;
	/** Newest first. */
	bookmarks(): BookmarkSnapshot[];
	/** In the order they were added. The objects are frozen (shared with the store). */
	subscriptions(): Subscription[];
	/**
	 * Adds a subscription at the end; false (and nothing changes) when its url is already there.
	 * Throws a TypeError whose message is one line for the user when the url is neither a URL nor an
	 * absolute path, or holds control characters.
	 */
	addSubscription(subscription: Subscription): boolean;
	/** Removes the subscription and its FeedMeta; false when there was none. */
	removeSubscription(url: string): boolean;
	/** Frozen (shared with the store). */
	feedMeta(url: string): FeedMeta | undefined;
	/**
	 * Updates a subscribed feed's metadata: fields given replace the kept ones, a field given as
	 * undefined is removed, fields left out stay. Ignored for a url that is not subscribed.
	 */
	setFeedMeta(url: string, meta: FeedMeta): void;
	/** Increments on every change; lets React re-render with useSyncExternalStore. */
	version(): number;
	subscribe(listener: () => void): () => void;
	/** Tells the store which articles are currently in some feed (used to prune old read marks). */
	noteSeen(ids: Iterable<string>): void;
	/** Writes everything pending. Safe to call more than once. */
	flush(): void;
	close(): void;
	/** Where the state lives on disk, for --help and messages. */
	readonly path: string;
	/** One-line notices for the user (e.g. a corrupt file moved aside). */
	readonly notices: string[];
};
