import fs from 'node:fs';
import {MAX_STATE_BYTES} from '../regular-file.js';
import type {Slicer, Steps} from '../slices.js';
import {emptyStoredState, type StoredState} from '../state/stored-state.js';
import type {DecodedFile} from './decode.js';
import {decodeBookmarkEntry, decodeFeedMetaEntry, decodeReadEntry, decodeSubscriptionEntry} from './decode-entries.js';
import {CURRENT_SCHEMA_VERSION} from './migrate.js';

// When another instance rewrote a large state file, the background save reads it again without
// holding the event loop: the bytes are read with asynchronous reads, and the text is decoded a run
// of lines at a time. That works because the file is written one entry per line (encode.ts):
// a run of entry lines, wrapped in braces, is itself a JSON object. Only a file exactly in that
// shape, at the current state version and with every entry understood is read this way; for
// anything else (a hand edit, an older version, damage, a special file) the caller falls back to
// reading it whole (decode.ts), which migrates, recovers and reports as it always does.

const {O_RDONLY, O_NOFOLLOW, O_NONBLOCK} = fs.constants;
const READ_BYTES = 8 * 1024 * 1024;
/** Entry lines are parsed in runs of about this many bytes. */
const RUN_BYTES = 256 * 1024;
const TAB = 0x09;
const NEWLINE = 0x0a;
const COMMA = 0x2c;

type Member = 'read' | 'bookmarks' | 'feedMeta' | 'subscriptions';
const MEMBERS: ReadonlySet<string> = new Set<Member>(['read', 'bookmarks', 'feedMeta', 'subscriptions']);
/** `\t"name": rest` with an optional comma, as encode.ts writes a member's first line. */
const MEMBER_LINE = /^\t"([A-Za-z]+)": (.*?)(,?)$/;

/** The file's bytes; undefined when it is not a regular file within the size bound (the caller reads it the usual way). */
async function readBytes(file: string, slicer: Slicer): Promise<Buffer | 'missing' | undefined> {
	let handle: fs.promises.FileHandle;
	try {
		handle = await fs.promises.open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
	}

	try {
		const stats = await handle.stat();
		if (!stats.isFile() || stats.size > MAX_STATE_BYTES) return undefined;
		const bytes = Buffer.allocUnsafe(stats.size);
		let filled = 0;
		while (filled < bytes.length) {
			const {bytesRead} = await slicer.wait(handle.read(bytes, filled, Math.min(READ_BYTES, bytes.length - filled), filled));
			if (bytesRead === 0) break;
			filled += bytesRead;
		}

		return bytes.subarray(0, filled);
	} finally {
		await handle.close();
	}
}

/** Adds one parsed run of `member`'s entries to `state`; false when an entry is not understood. */
function* addRun(
	state: StoredState,
	member: Member,
	run: unknown,
	kept: {feedMeta: Array<[string, unknown]>; bookmarkKeys: Set<string>},
): Steps<boolean> {
	const {feedMeta, bookmarkKeys} = kept;
	if (member === 'subscriptions') {
		for (const value of run as unknown[]) {
			if (!decodeSubscriptionEntry(state, value)) return false;
			yield;
		}

		return true;
	}

	const entries = run as Record<string, unknown>;
	for (const key of Object.keys(entries)) {
		const value = entries[key];
		// A bookmark is kept under its snapshot's id, not its key: a key written twice (never by
		// flashnews) would keep both here and only the last when the file is read whole.
		if (member === 'bookmarks') {
			if (bookmarkKeys.has(key)) return false;
			bookmarkKeys.add(key);
		}

		if (member === 'feedMeta') feedMeta.push([key, value]);
		else if (!(member === 'read' ? decodeReadEntry(state, key, value) : decodeBookmarkEntry(state, value))) return false;
		yield;
	}

	return true;
}

/** The state in `bytes`, or undefined as soon as anything is not exactly as encode.ts writes it. */
function* decodeLines(bytes: Buffer): Steps<StoredState | undefined> {
	const state = emptyStoredState();
	const kept = {feedMeta: [] as Array<[string, unknown]>, bookmarkKeys: new Set<string>()};
	const seen = new Set<string>();
	let at = 0;
	const lineEnd = () => {
		const end = bytes.indexOf(NEWLINE, at);
		return end === -1 ? bytes.length : end;
	};
	const nextText = () => {
		const end = lineEnd();
		const text = bytes.toString('utf8', at, end);
		at = end + 1;
		return text;
	};

	if (nextText() !== '{') return undefined;
	for (let more = true; more; ) {
		const match = MEMBER_LINE.exec(nextText());
		if (!match || seen.has(match[1]!)) return undefined;
		const [, name, rest, comma] = match as unknown as [string, string, string, string];
		seen.add(name);
		more = comma === ',';
		if (name === 'schemaVersion') {
			if (rest !== String(CURRENT_SCHEMA_VERSION)) return undefined;
			continue;
		}

		if (!MEMBERS.has(name)) return undefined;
		const member = name as Member;
		const [open, close] = member === 'subscriptions' ? ['[', ']'] : ['{', '}'];
		if (rest === `${open}${close}`) continue;
		if (rest !== open || more) return undefined;
		// Entry lines (two tabs) up to the line closing the member, parsed a run at a time. Every
		// entry but the member's last ends with a comma, which is dropped at the end of a run.
		let runs = 0;
		let continues = false;
		for (;;) {
			const runStart = at;
			let runEnd = at;
			while (at < bytes.length && bytes[at] === TAB && bytes[at + 1] === TAB && runEnd - runStart < RUN_BYTES) {
				runEnd = lineEnd();
				at = runEnd + 1;
			}

			if (runEnd === runStart) break;
			if (runs++ > 0 && !continues) return undefined;
			continues = bytes[runEnd - 1] === COMMA;
			let run: unknown;
			try {
				run = JSON.parse(`${open}${bytes.toString('utf8', runStart, continues ? runEnd - 1 : runEnd)}${close}`);
			} catch {
				return undefined;
			}

			yield;
			if (!(yield* addRun(state, member, run, kept))) return undefined;
		}

		const closing = nextText();
		if (continues || (closing !== `\t${close}` && closing !== `\t${close},`)) return undefined;
		more = closing.endsWith(',');
	}

	if (nextText() !== '}' || at < bytes.length || !seen.has('schemaVersion')) return undefined;
	for (const [url, value] of kept.feedMeta) {
		if (!decodeFeedMetaEntry(state, url, value)) return undefined;
		yield;
	}

	return state;
}

/**
 * The state file read and decoded in slices. Undefined when it must be read the usual way instead
 * (see above); throws SaveCancelled (from `slicer`) when the save was cancelled.
 */
export async function readStateInSlices(file: string, slicer: Slicer): Promise<DecodedFile | undefined> {
	const bytes = await readBytes(file, slicer);
	if (bytes === 'missing') return {state: emptyStoredState(), needsWrite: false};
	if (bytes === undefined) return undefined;
	const state = await slicer.run(decodeLines(bytes));
	return state && {state, needsWrite: false};
}
