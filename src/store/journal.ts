import fs from 'node:fs';
import path from 'node:path';
import {isPlainObject, toBookmarkSnapshot, type StoredState} from './stored-state.js';
import type {BookmarkSnapshot} from './types.js';

// The journal is an append-only file of small JSON ops beside the state file, shared by every running
// instance. Appending is O(1) whatever the size of the state, which is what makes each change durable
// when the call returns without rewriting tens of thousands of read ids per keypress. Compaction (see
// compaction.ts) folds the ops into the state file and removes them.

export const JOURNAL_NAME = 'journal.jsonl';
/** Journals a compaction took over: `journal.jsonl.merging-<time>-<pid>-<random>`. */
const TAKEN_PREFIX = `${JOURNAL_NAME}.merging-`;

export type JournalOp = (
	| {op: 'read'; id: string; at: number}
	| {op: 'unread'; id: string}
	| {op: 'bookmark'; snapshot: BookmarkSnapshot}
	| {op: 'unbookmark'; id: string}
) & {
	/** The instance that made the change, so compaction can tell whether others changed anything. */
	by?: string;
};

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
	return a.ino === b.ino && a.dev === b.dev;
}

/**
 * Appends one op. No lock is needed: a compaction renames the journal aside before reading it, and
 * an append that raced with that rename may have landed in the renamed file after it was read. So
 * after writing, the file we wrote to is compared with what the journal path names now; if they
 * differ the op is appended again to the new journal. Ops are idempotent ("set read", not
 * "toggle"), so a duplicate is harmless while a lost op is not.
 */
export function appendOp(dir: string, op: JournalOp): void {
	const journal = path.join(dir, JOURNAL_NAME);
	const line = `${JSON.stringify(op)}\n`;
	for (let attempt = 0; attempt < 5; attempt++) {
		const fd = fs.openSync(journal, 'a', 0o600);
		try {
			fs.writeFileSync(fd, line);
			const written = fs.fstatSync(fd);
			let current: fs.Stats | undefined;
			try {
				current = fs.statSync(journal);
			} catch {}

			if (current && sameFile(current, written)) return;
		} finally {
			fs.closeSync(fd);
		}
	}
}

/** Every journal file in `dir`, oldest first: taken-over ones (from compactions) before the live one. */
export function journalFiles(dir: string): string[] {
	const taken: {name: string; time: number}[] = [];
	let live = false;
	for (const name of fs.readdirSync(dir)) {
		if (name === JOURNAL_NAME) live = true;
		else if (name.startsWith(TAKEN_PREFIX)) taken.push({name, time: Number.parseInt(name.slice(TAKEN_PREFIX.length), 10) || 0});
	}

	taken.sort((a, b) => a.time - b.time || (a.name < b.name ? -1 : 1));
	const files = taken.map(({name}) => path.join(dir, name));
	if (live) files.push(path.join(dir, JOURNAL_NAME));
	return files;
}

/**
 * Moves the live journal aside so appends from now on start a fresh one, and returns every journal
 * that is now only read (this one plus any left by a compaction that crashed), oldest first.
 * Call with the state lock held.
 */
export function takeJournals(dir: string): string[] {
	const live = path.join(dir, JOURNAL_NAME);
	const aside = path.join(dir, `${TAKEN_PREFIX}${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
	try {
		fs.renameSync(live, aside);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}

	return journalFiles(dir).filter(file => file !== live);
}

function toOp(value: unknown): JournalOp | undefined {
	if (!isPlainObject(value)) return undefined;
	const op = toChange(value);
	if (op && typeof value.by === 'string') op.by = value.by;
	return op;
}

function toChange(value: Record<string, unknown>): JournalOp | undefined {
	if (value.op === 'read' && typeof value.id === 'string' && typeof value.at === 'number') {
		return {op: 'read', id: value.id, at: value.at};
	}

	if ((value.op === 'unread' || value.op === 'unbookmark') && typeof value.id === 'string') {
		return {op: value.op, id: value.id};
	}

	if (value.op === 'bookmark') {
		const snapshot = toBookmarkSnapshot(value.snapshot);
		if (snapshot) return {op: 'bookmark', snapshot};
	}

	return undefined;
}

function parseLine(line: string): JournalOp | undefined {
	try {
		return toOp(JSON.parse(line));
	} catch {
		// A line torn by a crash (power loss, full disk) can have the next op glued to it.
		const next = line.lastIndexOf('{"op":');
		if (next <= 0) return undefined;
		return parseLine(line.slice(next));
	}
}

/** The ops in one journal file, skipping lines that do not parse (a torn last line after a crash). */
export function readOps(file: string): JournalOp[] {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}

	const ops: JournalOp[] = [];
	for (const line of text.split('\n')) {
		if (line === '') continue;
		const op = parseLine(line);
		if (op) ops.push(op);
	}

	return ops;
}

export function applyOp(state: StoredState, op: JournalOp): void {
	switch (op.op) {
		case 'read': {
			const seen = state.read.get(op.id)?.seen ?? 0;
			state.read.set(op.id, {at: op.at, seen: Math.max(seen, op.at)});
			break;
		}

		case 'unread': {
			state.read.delete(op.id);
			break;
		}

		case 'bookmark': {
			state.bookmarks.set(op.snapshot.id, op.snapshot);
			break;
		}

		case 'unbookmark': {
			state.bookmarks.delete(op.id);
			break;
		}
	}
}
