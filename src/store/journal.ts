import fs from 'node:fs';
import path from 'node:path';
import {MAX_STATE_BYTES, openRegularFileToAppend, readRegularFile, UnusableFileError} from './regular-file.js';
import {applyChange, type Change, toChange} from './state/change.js';
import type {StoredState} from './state/stored-state.js';

// The journal is an append-only file of changes (one JSON line each) beside the state file, shared by
// every running instance. Appending is O(1) whatever the size of the state, which is what makes each
// change durable when the call returns without rewriting tens of thousands of read ids per keypress.
// Compaction (compaction/compact-locked.ts) folds the changes into the state file and removes them.

export const JOURNAL_NAME = 'journal.jsonl';
/** Journals a compaction took over: `journal.jsonl.merging-<time>-<pid>-<random>`. */
const TAKEN_PREFIX = `${JOURNAL_NAME}.merging-`;

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
	return a.ino === b.ino && a.dev === b.dev;
}

/**
 * Appends one change. No lock is needed: a compaction renames the journal aside before reading it,
 * and an append that raced with that rename may have landed in the renamed file after it was read.
 * So after writing, the file we wrote to is compared with what the journal path names now; if they
 * differ the change is appended again to the new journal. Changes are idempotent, so a duplicate is
 * harmless while a lost change is not. Returns how many bytes were appended.
 */
export function appendChange(dir: string, change: Change): number {
	const journal = path.join(dir, JOURNAL_NAME);
	const line = `${JSON.stringify(change)}\n`;
	const bytes = Buffer.byteLength(line);
	let appended = 0;
	for (let attempt = 0; attempt < 5; attempt++) {
		const fd = openRegularFileToAppend(journal);
		try {
			fs.writeFileSync(fd, line);
			appended += bytes;
			const written = fs.fstatSync(fd);
			let current: fs.Stats | undefined;
			try {
				current = fs.statSync(journal);
			} catch {}

			if (current && sameFile(current, written)) break;
		} finally {
			fs.closeSync(fd);
		}
	}

	return appended;
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

function parseLine(line: string): Change | undefined {
	try {
		return toChange(JSON.parse(line));
	} catch {
		// A line torn by a crash (power loss, full disk) can have the next op glued to it.
		const next = line.lastIndexOf('{"op":');
		if (next <= 0) return undefined;
		return parseLine(line.slice(next));
	}
}

/**
 * The changes in one journal file, skipping lines that do not parse (a torn last line after a crash).
 * Throws UnusableFileError when it is not a regular file or too large.
 */
export function readChanges(file: string): Change[] {
	const text = readRegularFile(file, MAX_STATE_BYTES)?.toString('utf8') ?? '';
	const changes: Change[] = [];
	for (const line of text.split('\n')) {
		if (line === '') continue;
		const change = parseLine(line);
		if (change) changes.push(change);
	}

	return changes;
}

/**
 * Applies every journal (changes not compacted yet, from any instance) to `state`. Returns how many
 * changes, and one line for each journal that could not be read because it is not a regular file.
 */
export function replayJournals(dir: string, state: StoredState): {replayed: number; unusable: string[]} {
	let replayed = 0;
	const unusable: string[] = [];
	for (const journal of journalFiles(dir)) {
		let changes: Change[];
		try {
			changes = readChanges(journal);
		} catch (error) {
			if (!(error instanceof UnusableFileError)) throw error;
			unusable.push(error.message);
			continue;
		}

		for (const change of changes) {
			applyChange(state, change);
			replayed++;
		}
	}

	return {replayed, unusable};
}
