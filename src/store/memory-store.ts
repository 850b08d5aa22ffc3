import type {Article} from '../core/articles/article.js';
import type {BookmarkSnapshot, ReaderStore} from './types.js';

export type MemoryState = {
	/** Article id → when it was marked read (epoch ms). */
	read: Map<string, number>;
	/** Article id → snapshot. */
	bookmarks: Map<string, BookmarkSnapshot>;
};

export function emptyState(): MemoryState {
	return {read: new Map(), bookmarks: new Map()};
}

/**
 * A store that lives only in memory: the in-memory view the persistent store builds on, and the
 * fallback when the state file cannot be opened (the user is told nothing will be saved).
 */
export function createMemoryStore(
	state: MemoryState = emptyState(),
	options: {path?: string; notices?: string[]; now?: () => number} = {},
): ReaderStore & {state: MemoryState} {
	const listeners = new Set<() => void>();
	const now = options.now ?? Date.now;
	let version = 0;
	const changed = () => {
		version++;
		for (const listener of listeners) listener();
	};

	return {
		state,
		path: options.path ?? '(memory)',
		notices: options.notices ?? [],
		isRead: id => state.read.has(id),
		isBookmarked: id => state.bookmarks.has(id),
		setRead(id, read) {
			if (read === state.read.has(id)) return;
			if (read) state.read.set(id, now());
			else state.read.delete(id);
			changed();
		},
		// Stand-in for the store branch's setReadMany, to be replaced by it at merge.
		setReadMany(ids, read) {
			const changedIds = ids.filter(id => read !== state.read.has(id));
			const at = now();
			for (const id of changedIds) {
				if (read) state.read.set(id, at);
				else state.read.delete(id);
			}
			if (changedIds.length > 0) changed();
			return changedIds;
		},
		setBookmark(article: Article, bookmarked) {
			if (bookmarked === state.bookmarks.has(article.id)) return;
			if (bookmarked) state.bookmarks.set(article.id, {...article, savedAt: now()});
			else state.bookmarks.delete(article.id);
			changed();
		},
		bookmarks: () => [...state.bookmarks.values()].sort((a, b) => b.savedAt - a.savedAt),
		version: () => version,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		noteSeen() {},
		flush() {},
		close() {},
	};
}
