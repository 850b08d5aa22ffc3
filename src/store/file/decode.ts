import {UnusableFileError} from '../regular-file.js';
import {isPlainObject} from '../state/json-checks.js';
import {emptyStoredState, type StoredState} from '../state/stored-state.js';
import {decodeBookmarkEntry, decodeFeedMetaEntry, decodeReadEntry, decodeSubscriptionEntry} from './decode-entries.js';
import {migrate, UnknownSchemaError} from './migrate.js';
import type {FileContent} from './read.js';
import {backUpDamagedFile, recoverState} from './recover.js';

export type DecodedFile = {
	state: StoredState;
	/** The file should be rewritten: it was migrated, or damaged and recovered. */
	needsWrite: boolean;
	/** One line for the user when something in the file was damaged. */
	notice?: string;
};

/** Subscriptions, then the metadata of subscribed feeds (that of others is left behind); returns how many entries were not understood. */
function decodeSubscriptions(state: StoredState, subscriptions: unknown, feedMeta: unknown): number {
	let dropped = 0;
	if (subscriptions !== undefined && !Array.isArray(subscriptions)) dropped++;
	if (feedMeta !== undefined && !isPlainObject(feedMeta)) dropped++;
	if (Array.isArray(subscriptions)) {
		for (const value of subscriptions) if (!decodeSubscriptionEntry(state, value)) dropped++;
	}

	if (isPlainObject(feedMeta)) {
		for (const url of Object.keys(feedMeta)) if (!decodeFeedMetaEntry(state, url, feedMeta[url])) dropped++;
	}

	return dropped;
}

/**
 * Decodes the current file shape (see encodeState). `dropped` counts entries that could not be
 * understood, so the caller can keep a backup instead of silently losing them.
 */
export function decodeState(data: Record<string, unknown>): {state: StoredState; dropped: number} {
	const state = emptyStoredState();
	let dropped = decodeSubscriptions(state, data.subscriptions, data.feedMeta);
	const {read, bookmarks} = data;
	if (read !== undefined && !isPlainObject(read)) dropped++;
	if (bookmarks !== undefined && !isPlainObject(bookmarks)) dropped++;
	if (isPlainObject(read)) {
		for (const id of Object.keys(read)) if (!decodeReadEntry(state, id, read[id])) dropped++;
	}

	if (isPlainObject(bookmarks)) {
		for (const key of Object.keys(bookmarks)) if (!decodeBookmarkEntry(state, bookmarks[key])) dropped++;
	}

	return {state, dropped};
}

const count = (size: number, noun: string) => `${size} ${noun}${size === 1 ? '' : 's'}`;

function counted(state: StoredState): string {
	const marks = count(state.read.size, 'read mark');
	const bookmarks = count(state.bookmarks.size, 'bookmark');
	if (state.subscriptions.size === 0) return `${marks} and ${bookmarks}`;
	return `${marks}, ${bookmarks} and ${count(state.subscriptions.size, 'subscription')}`;
}

/**
 * Turns what conf read into state. A damaged file is never dropped silently: it is copied aside first,
 * whatever can be salvaged is kept, and the notice says where the original is. The caller rewrites
 * the file, atomically, right after. A file whose state version is not exactly a known one is treated
 * the same way. `readOnly`: nothing will be written, so the file itself stays as it is and is not
 * copied. Throws NewerSchemaError for a file from a newer version, UnusableFileError for something
 * that is not a regular file (see open-store.ts for what opening does instead).
 */
export function decodeFile(file: string, content: FileContent, now: number, options: {readOnly?: boolean} = {}): DecodedFile {
	if (content.status === 'missing') return {state: emptyStoredState(), needsWrite: false};
	if (content.status === 'unusable') throw new UnusableFileError(content.problem);
	const raw = content.status === 'ok' && isPlainObject(content.data) ? content.data : undefined;
	if (raw && Object.keys(raw).length === 0) return {state: emptyStoredState(), needsWrite: false};
	let migration: ReturnType<typeof migrate> | undefined;
	let problem = 'was damaged';
	try {
		migration = raw && migrate(raw, now);
	} catch (error) {
		if (!(error instanceof UnknownSchemaError)) throw error;
		problem = error.message;
	}

	const keptAt = () => (options.readOnly ? 'the file is left as it is' : `the original file is kept at ${backUpDamagedFile(file, now)}`);
	if (migration) {
		const {state, dropped} = decodeState(migration.data);
		if (dropped === 0) return {state, needsWrite: migration.migrated};
		return {
			state,
			needsWrite: true,
			notice: `${dropped === 1 ? '1 unreadable entry' : `${dropped} unreadable entries`} in ${file} ${dropped === 1 ? 'was' : 'were'} skipped; ${keptAt()}`,
		};
	}

	const kept = keptAt();
	const state = recoverState(content.status === 'corrupt' ? content.text : JSON.stringify(content.data));
	return {state, needsWrite: true, notice: `${file} ${problem}: recovered ${counted(state)}; ${kept}`};
}
