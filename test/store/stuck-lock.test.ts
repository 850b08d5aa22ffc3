import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore} from '../../src/store/open-store.js';
import type {ReaderStore} from '../../src/store/types.js';
import {article, closeStoresAndDirs, makeTempDir, openIn} from './store-fixtures.js';

afterEach(closeStoresAndDirs);

/** Ways a state.lock can sit there with nothing that will ever release it. */
const stuckLocks: Array<[string, (file: string) => void]> = [
	['a directory', file => fs.mkdirSync(file)],
	['a dangling link', file => fs.symlinkSync(`${file}-target-that-does-not-exist`, file)],
	[
		'a live process on another host',
		file => fs.writeFileSync(file, JSON.stringify({pid: process.pid, host: 'some-other-host', at: Date.now()})),
	],
];

const timed = <T>(work: () => T): {result: T; ms: number} => {
	const startedAt = performance.now();
	const result = work();
	return {result, ms: performance.now() - startedAt};
};

const journalBytes = (dir: string) =>
	fs
		.readdirSync(dir)
		.filter(name => name.startsWith('journal.jsonl'))
		.reduce((total, name) => total + fs.statSync(path.join(dir, name)).size, 0);

describe.each(stuckLocks)('a state lock that is %s', (_kind, makeLock) => {
	it('is reported once, and neither start nor quit waits for it, and nothing is lost', () => {
		const dir = makeTempDir();
		const lock = path.join(dir, 'state.lock');
		makeLock(lock);

		const opening = timed(() => openStore({configDir: dir}));
		const store: ReaderStore = opening.result;
		expect(opening.ms).toBeLessThan(1000);
		store.setRead('marked-while-locked', true);
		store.setBookmark(article('saved-while-locked'), true);
		store.flush();
		store.setRead('marked-later', true);
		const closing = timed(() => store.close());
		expect(closing.ms).toBeLessThan(1000);
		expect(store.notices).toEqual([
			expect.stringMatching(/state\.lock .*: changes are kept in the journal until it is (removed|released)$/),
		]);

		fs.rmSync(lock, {recursive: true});
		const reopened = openIn(dir);
		expect(reopened.notices).toEqual([]);
		expect(['marked-while-locked', 'marked-later'].map(id => reopened.isRead(id))).toEqual([true, true]);
		expect(reopened.isBookmarked('saved-while-locked')).toBe(true);
	});
});

it('keeps the journal bounded while the lock is never released, and says changes are no longer saved', () => {
	const dir = makeTempDir();
	fs.mkdirSync(path.join(dir, 'state.lock'));
	const limit = 64 * 1024;
	const store = openStore({configDir: dir, journalLimitBytes: limit});
	const longest = {op: 'read', id: 'https://news.example/articles/10000', at: Date.now(), by: 'abcdefgh.abcdef'};
	const line = Buffer.byteLength(`${JSON.stringify(longest)}\n`);
	for (let index = 0; index < 10_000; index++) store.setRead(`https://news.example/articles/${index}`, true);
	expect(journalBytes(dir)).toBeLessThanOrEqual(limit + line);
	expect(store.isRead('https://news.example/articles/9999')).toBe(true);
	expect(store.notices).toHaveLength(2);
	expect(store.notices[1]).toMatch(
		/^could not save changes to .*: the journal holds \d+ KB that could not be folded into the state file; /,
	);
	expect(store.notices[1]).toMatch(/; changes will not be saved$/);
	store.close();
});

it('does not count against the bound when compaction runs: a large batch is folded in at once', () => {
	const dir = makeTempDir();
	const ids = Array.from({length: 5000}, (_, index) => `https://news.example/articles/${index}`);
	expect(Buffer.byteLength(JSON.stringify(ids))).toBeGreaterThan(64 * 1024);
	const bounded = openStore({configDir: dir, journalLimitBytes: 64 * 1024});
	bounded.setReadMany(ids, true);
	expect(journalBytes(dir)).toBe(0);
	expect(bounded.notices).toEqual([]);
	bounded.close();
	expect(openIn(dir).isRead(ids.at(-1)!)).toBe(true);
});
