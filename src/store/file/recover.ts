import fs from 'node:fs';
import {toBookmarkSnapshot} from '../state/bookmarks.js';
import {FEED_META_FIELDS, toFeedMeta} from '../state/feed-meta.js';
import {isPlainObject} from '../state/json-checks.js';
import {toReadMark} from '../state/read-marks.js';
import {emptyStoredState, type StoredState} from '../state/stored-state.js';
import {toSubscription} from '../state/subscriptions.js';

// A damaged file is never dropped silently: it is copied aside byte for byte first, then whatever
// can be salvaged from its text is kept.

/** `2026-11-25T23-59-00Z`: an ISO time that is also a portable file name. */
function fileStamp(time: number): string {
	return new Date(time)
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replaceAll(':', '-');
}

/** Copies the file byte for byte to `<file>.corrupt-<time>` (never overwriting an older backup). */
export function backUpDamagedFile(file: string, time: number): string {
	const base = `${file}.corrupt-${fileStamp(time)}`;
	for (let attempt = 1; ; attempt++) {
		const backup = attempt === 1 ? base : `${base}-${attempt}`;
		try {
			fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
			fs.chmodSync(backup, 0o600);
			return backup;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
}

/** A JSON string followed by `: {` — the start of a keyed object in the file. */
const KEYED_OBJECT = /"((?:[^"\\\n]|\\.)*)"\s*:\s*\{/g;

/** Index of the `}` that closes the object opening at `start`, or -1 when the text ends first. */
function objectEnd(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
			// JSON strings never span lines: a damaged entry must not swallow the rest of the file.
			else if (char === '\n') return -1;
		} else if (char === '"') {
			inString = true;
		} else if (char === '{' || char === '[') {
			depth++;
		} else if (char === '}' || char === ']') {
			depth--;
			if (depth === 0) return index;
		}
	}

	return -1;
}

function parseOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** The start of a subscription in the list, as encode.ts writes it (url first). */
const SUBSCRIPTION = /\{"url"\s*:/g;

/** Each object whose `{` is the last one in a match of `pattern`, when it parses on its own. */
function* parsedObjects(text: string, pattern: RegExp): Generator<{match: RegExpExecArray; value: Record<string, unknown>}> {
	for (const match of text.matchAll(pattern)) {
		const start = text.lastIndexOf('{', match.index + match[0].length - 1);
		const end = objectEnd(text, start);
		if (end === -1) continue;
		const value = parseOrUndefined(text.slice(start, end + 1));
		if (isPlainObject(value)) yield {match, value};
	}
}

/**
 * Best-effort salvage of a state file that is no longer valid JSON (truncated, a line mangled):
 * every `"key": {...}` object that still parses on its own and looks like a read mark (`{at, seen}`)
 * or a bookmark snapshot is kept, every `{"url": ...}` that is a subscription, and the metadata
 * keyed by a recovered subscription's url. The file is written one entry per line, so damage
 * usually costs only the entries it touched.
 */
export function recoverState(text: string): StoredState {
	const state = emptyStoredState();
	for (const {value} of parsedObjects(text, SUBSCRIPTION)) {
		const subscription = toSubscription(value);
		if (subscription && !state.subscriptions.has(subscription.url)) state.subscriptions.set(subscription.url, subscription);
	}

	for (const {match, value} of parsedObjects(text, KEYED_OBJECT)) {
		const keys = Object.keys(value);
		const key = parseOrUndefined(`"${match[1]}"`);
		if (keys.every(name => name === 'at' || name === 'seen')) {
			const mark = toReadMark(value);
			if (typeof key === 'string' && mark) state.read.set(key, mark);
			continue;
		}

		const snapshot = toBookmarkSnapshot(value);
		if (snapshot) state.bookmarks.set(snapshot.id, snapshot);
		else if (typeof key === 'string' && state.subscriptions.has(key) && keys.every(name => FEED_META_FIELDS.has(name))) {
			state.feedMeta.set(key, toFeedMeta(value));
		}
	}

	return state;
}
