import fs from 'node:fs';
import path from 'node:path';
import {monitorEventLoopDelay, performance} from 'node:perf_hooks';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore} from '../../src/store/open-store.js';
import type {ReaderStore} from '../../src/store/types.js';
import {largeBookmarkId, largeReadId, writeLargeState} from './large-state.js';
import {article, makeTempDir, modeOf, removeTempDirs} from './store-fixtures.js';

// Saving a large state must not freeze the keys: the longest time the event loop is held during a
// save is compared with how long the whole save takes, so the test means the same on a fast machine
// and on a loaded one.

/** Large enough that writing it whole at once takes far longer than a slice of the work. */
const STATE_MB = 16;

const opened: ReaderStore[] = [];
afterEach(() => {
	for (const store of opened.splice(0)) store.close();
	removeTempDirs();
});

function open(dir: string, saveSoon = false): ReaderStore {
	const store = openStore({configDir: dir, ...(saveSoon ? {compactWhenIdleMs: 1, compactAtLeastEveryMs: 1} : {})});
	opened.push(store);
	return store;
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
	const giveUpAt = Date.now() + 15_000;
	while (!condition()) {
		if (Date.now() > giveUpAt) throw new Error(`gave up waiting until ${what}`);
		await new Promise(resolve => setTimeout(resolve, 2));
	}
}

const identity = (file: string) => {
	const stats = fs.statSync(file);
	return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
};

/** The state file was replaced since `before`, and no journal or lock is left: every change is in it. */
const savedSince = (dir: string, before: string) => () =>
	identity(path.join(dir, 'config.json')) !== before &&
	!fs.readdirSync(dir).some(name => name.startsWith('journal.jsonl') || name === 'state.lock');

const saving = (dir: string) => () => fs.existsSync(path.join(dir, 'state.lock'));

/** Runs `work` and returns how long it took and the longest the event loop was held meanwhile. */
async function measured(work: () => Promise<void>): Promise<{ms: number; longestStallMs: number}> {
	const delays = monitorEventLoopDelay({resolution: 1});
	delays.enable();
	const startedAt = performance.now();
	await work();
	const ms = performance.now() - startedAt;
	delays.disable();
	return {ms, longestStallMs: delays.max / 1e6};
}

function largeStateIn(): {dir: string; file: string; readMarks: number; bookmarks: number} {
	const dir = makeTempDir();
	const file = path.join(dir, 'config.json');
	return {dir, file, ...writeLargeState(file, STATE_MB)};
}

describe('a large state', () => {
	it('is saved in the background without holding the keys for more than a slice of the save', async () => {
		const {dir, file, readMarks} = largeStateIn();
		const store = open(dir, true);
		const before = identity(file);
		const save = await measured(async () => {
			store.setRead('marked-in-a-large-state', true);
			await waitUntil(savedSince(dir, before), 'the state was saved');
		});
		expect(save.longestStallMs).toBeLessThan(save.ms / 5);
		expect(modeOf(file)).toBe(0o600);

		store.close();
		const reopened = open(dir);
		expect(reopened.isRead('marked-in-a-large-state')).toBe(true);
		expect(reopened.isRead(largeReadId(readMarks - 1))).toBe(true);
		expect(reopened.notices).toEqual([]);
	});

	it("is read again in slices when another instance rewrote it, and shows the other's changes and its own made meanwhile", async () => {
		const {dir, file, bookmarks} = largeStateIn();
		const one = open(dir, true);
		const two = open(dir, true);
		two.setRead('marked-by-two', true);
		await waitUntil(savedSince(dir, identity(file)), 'the state was saved');
		two.close();

		const before = identity(file);
		const save = await measured(async () => {
			one.setRead('marked-by-one', true);
			await waitUntil(() => saving(dir)() || savedSince(dir, before)(), 'a save began');
			one.setRead('marked-while-saving', true);
			one.setBookmark(article('saved-while-saving'), true);
			await waitUntil(savedSince(dir, before), 'the state was saved');
		});
		expect(save.longestStallMs).toBeLessThan(save.ms / 5);
		expect(['marked-by-two', 'marked-by-one', 'marked-while-saving'].map(id => one.isRead(id))).toEqual([true, true, true]);
		expect(one.isBookmarked('saved-while-saving')).toBe(true);
		expect(one.isBookmarked(largeBookmarkId(bookmarks - 1))).toBe(true);

		one.close();
		const reopened = open(dir);
		expect(['marked-by-two', 'marked-by-one', 'marked-while-saving'].map(id => reopened.isRead(id))).toEqual([true, true, true]);
		expect(reopened.isBookmarked('saved-while-saving')).toBe(true);
		expect(reopened.notices).toEqual([]);
	});

	it('is not written over a file whose lock another process took during the save, and keeps its changes', async () => {
		const {dir, file} = largeStateIn();
		const store = open(dir, true);
		const before = identity(file);
		store.setRead('marked-before-the-takeover', true);
		await waitUntil(saving(dir), 'a save was under way');
		// What a process that took the lock as stale would leave: its own lock.
		const lock = path.join(dir, 'state.lock');
		fs.writeFileSync(lock, JSON.stringify({pid: process.pid + 1, host: 'another-host', at: Date.now()}));
		await waitUntil(() => store.notices.some(notice => /took over the state lock/.test(notice)), 'the save gave up');
		expect(identity(file)).toBe(before);
		expect(fs.readdirSync(dir).filter(name => name.startsWith('config.json.'))).toEqual([]);

		store.close();
		fs.rmSync(lock);
		expect(open(dir).isRead('marked-before-the-takeover')).toBe(true);
	});

	it('does not hold up quitting while it is being saved, and loses nothing', async () => {
		const {dir, file, readMarks} = largeStateIn();
		const store = open(dir, true);
		const first = await measured(async () => {
			store.setRead('saved-first', true);
			await waitUntil(savedSince(dir, identity(file)), 'the state was saved');
		});

		store.setRead('marked-before-quitting', true);
		await waitUntil(saving(dir), 'a save was under way');
		const startedAt = performance.now();
		store.close();
		const closeMs = performance.now() - startedAt;
		expect(closeMs).toBeLessThan(first.ms / 5);
		const partial = () => fs.readdirSync(dir).filter(name => name.startsWith('config.json.'));
		await waitUntil(() => partial().length === 0, 'the stopped save removed its partial file');

		const reopened = open(dir);
		expect(['saved-first', 'marked-before-quitting', largeReadId(readMarks - 1)].map(id => reopened.isRead(id))).toEqual([
			true,
			true,
			true,
		]);
		expect(reopened.notices).toEqual([]);
	});

	it('is not left a journal past its bound on quitting, however short each run was', () => {
		const dir = makeTempDir();
		writeLargeState(path.join(dir, 'config.json'), 5);
		// What many runs too short for a save in the background would leave behind.
		const lines = Array.from({length: 2000}, (_, index) =>
			JSON.stringify({op: 'read', id: `left-by-an-earlier-run-${index}`, at: 1, by: 'earlier'}),
		);
		fs.writeFileSync(path.join(dir, 'journal.jsonl'), `${lines.join('\n')}\n`);
		const store = openStore({configDir: dir, journalLimitBytes: 64 * 1024});
		store.setRead('marked-before-quitting', true);
		store.close();
		expect(fs.readdirSync(dir).filter(name => name.startsWith('journal.jsonl'))).toEqual([]);

		const reopened = open(dir);
		expect(['left-by-an-earlier-run-1999', 'marked-before-quitting'].map(id => reopened.isRead(id))).toEqual([true, true]);
	});

	it('leaves a journal within its bound for the next run when quitting', () => {
		const dir = makeTempDir();
		writeLargeState(path.join(dir, 'config.json'), 5);
		const store = openStore({configDir: dir});
		store.setRead('marked-before-quitting', true);
		store.close();
		expect(fs.readdirSync(dir).filter(name => name.startsWith('journal.jsonl'))).not.toEqual([]);
		expect(open(dir).isRead('marked-before-quitting')).toBe(true);
	});
});
