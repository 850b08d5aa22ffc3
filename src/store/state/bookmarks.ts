import type {ArticleBody} from '../../core/articles/article-body.js';
import {sanitizeLine, sanitizeText} from '../../core/text/sanitize.js';
import type {BookmarkSnapshot} from '../types.js';
import {isPlainObject, isTime} from './json-checks.js';
import type {StoredState} from './stored-state.js';

// Everything a bookmark is: how a change writes it (the memory view, a journal replay and a
// compaction all go through applyBookmarkChange) and how a snapshot is checked when read back.

export type BookmarkChange = {op: 'bookmark'; snapshot: BookmarkSnapshot} | {op: 'unbookmark'; id: string};

export function applyBookmarkChange(state: StoredState, change: BookmarkChange): void {
	if (change.op === 'bookmark') state.bookmarks.set(change.snapshot.id, change.snapshot);
	else state.bookmarks.delete(change.id);
}

/** Newest first. */
export function bookmarksNewestFirst(state: StoredState): BookmarkSnapshot[] {
	return [...state.bookmarks.values()].sort((a, b) => b.savedAt - a.savedAt);
}

function toBody(value: unknown): ArticleBody {
	if (!isPlainObject(value) || typeof value.value !== 'string') return {format: 'text', value: ''};
	const format = value.format === 'html' ? 'html' : 'text';
	const base = typeof value.base === 'string' ? sanitizeLine(value.base) : '';
	return /^https?:/i.test(base) ? {format, value: sanitizeText(value.value), base} : {format, value: sanitizeText(value.value)};
}

const optionalLine = (value: unknown): string | null => (typeof value === 'string' ? sanitizeLine(value) : null);

/**
 * A bookmark read back from disk. Only `id`, `title` and `savedAt` are required; other fields are
 * repaired rather than dropped, and every string is sanitized again because the file is text a user
 * (or another program) can edit, and these strings are printed into the terminal.
 */
export function toBookmarkSnapshot(value: unknown): BookmarkSnapshot | undefined {
	if (!isPlainObject(value)) return undefined;
	const {id, title, savedAt} = value;
	if (typeof id !== 'string' || id === '' || typeof title !== 'string' || !isTime(savedAt)) return undefined;
	// Ids are printed too (bookmarks --json); one that needs cleaning did not come from flashnews.
	if (sanitizeLine(id) !== id) return undefined;
	const link = optionalLine(value.link);
	return {
		id,
		title: sanitizeLine(title),
		author: optionalLine(value.author),
		feed: typeof value.feed === 'string' ? sanitizeLine(value.feed) : '',
		section: optionalLine(value.section),
		published: isTime(value.published) ? value.published : null,
		link: link && /^(https?:|mailto:)/i.test(link) ? link : null,
		summary: toBody(value.summary),
		content: toBody(value.content),
		categories: Array.isArray(value.categories)
			? value.categories.filter((category): category is string => typeof category === 'string').map(sanitizeLine)
			: [],
		savedAt,
	};
}

/** A bookmark change read back from the journal; undefined when it is not one. */
export function toBookmarkChange(value: Record<string, unknown>): BookmarkChange | undefined {
	if (value.op === 'unbookmark') return typeof value.id === 'string' ? {op: 'unbookmark', id: value.id} : undefined;
	if (value.op !== 'bookmark') return undefined;
	const snapshot = toBookmarkSnapshot(value.snapshot);
	return snapshot && {op: 'bookmark', snapshot};
}
