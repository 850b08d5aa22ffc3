import {sanitizeLine, sanitizeText} from '../core/text/sanitize.js';
import type {ArticleBody} from '../core/articles/article-body.js';
import type {BookmarkSnapshot} from './types.js';

/** One read mark as it is kept on disk. */
export type ReadMark = {
	/** When the article was marked read (epoch ms). */
	at: number;
	/** When the article was last in a loaded feed (epoch ms); read marks not seen for long are pruned. */
	seen: number;
};

/** The whole persistent state, decoded from the file. */
export type StoredState = {
	read: Map<string, ReadMark>;
	bookmarks: Map<string, BookmarkSnapshot>;
};

export function emptyStoredState(): StoredState {
	return {read: new Map(), bookmarks: new Map()};
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

export function toReadMark(value: unknown): ReadMark | undefined {
	if (!isPlainObject(value) || !isTime(value.at)) return undefined;
	// The usual case keeps the parsed object: one allocation less per read id on every open.
	if (isTime(value.seen) && value.seen >= value.at) return value as ReadMark;
	return {at: value.at, seen: isTime(value.seen) ? Math.max(value.seen, value.at) : value.at};
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

/**
 * Decodes the current file shape (`{schemaVersion, read: {id: {at, seen}}, bookmarks: {id: snapshot}}`).
 * `dropped` counts entries that could not be understood, so the caller can keep a backup instead of
 * silently losing them.
 */
export function decodeState(data: Record<string, unknown>): {state: StoredState; dropped: number} {
	const state = emptyStoredState();
	let dropped = 0;
	const {read, bookmarks} = data;
	if (read !== undefined && !isPlainObject(read)) dropped++;
	if (bookmarks !== undefined && !isPlainObject(bookmarks)) dropped++;
	if (isPlainObject(read)) {
		for (const id of Object.keys(read)) {
			const mark = toReadMark(read[id]);
			if (mark) state.read.set(id, mark);
			else dropped++;
		}
	}

	if (isPlainObject(bookmarks)) {
		for (const key of Object.keys(bookmarks)) {
			const snapshot = toBookmarkSnapshot(bookmarks[key]);
			if (snapshot) state.bookmarks.set(snapshot.id, snapshot);
			else dropped++;
		}
	}

	return {state, dropped};
}

/** The file's shape; the entry maps stay Maps, which formatStateJson writes one entry per line. */
export function encodeState(state: StoredState, schemaVersion: number): Record<string, unknown> {
	return {schemaVersion, read: state.read, bookmarks: state.bookmarks};
}

