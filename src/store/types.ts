import type {Article} from '../core/articles/article.js';

/** What a bookmark keeps, so it outlives the article leaving its feed. */
export type BookmarkSnapshot = Article & {savedAt: number};

/**
 * The reader's persistent state, seen through an in-memory view: reads never touch the disk,
 * and each change is durable when the call returns.
 */
export type ReaderStore = {
	isRead(id: string): boolean;
	isBookmarked(id: string): boolean;
	setRead(id: string, read: boolean): void;
	/** Marks many at once (one notification); returns the ids whose mark changed. */
	setReadMany(ids: readonly string[], read: boolean): string[];
	/** Saves a snapshot of the article, or removes the bookmark. */
	setBookmark(article: Article, bookmarked: boolean): void;
	/** Newest first. */
	bookmarks(): BookmarkSnapshot[];
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
