import fs from 'node:fs';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {acquireLock, LOCK_NAME} from '../../src/store/state-lock.js';
import {makeTempDir, removeTempDirs} from './store-fixtures.js';

afterEach(removeTempDirs);

function take(dir: string, waitMs = 0): () => void {
	const lock = acquireLock(dir, waitMs);
	if (!('release' in lock)) throw new Error(`lock refused: ${lock.holder}`);
	return lock.release;
}

it('releases its own lock', () => {
	const dir = makeTempDir();
	take(dir)();
	expect(fs.existsSync(path.join(dir, LOCK_NAME))).toBe(false);
});

it('never removes a lock that another process took over meanwhile', () => {
	const dir = makeTempDir();
	const release = take(dir);
	const file = path.join(dir, LOCK_NAME);
	fs.writeFileSync(file, JSON.stringify({pid: 424242, host: 'elsewhere', at: 1}));
	release();
	expect(fs.existsSync(file)).toBe(true);
	expect(acquireLock(dir, 0)).toEqual({holder: 'is held by process 424242 on host elsewhere', permanent: false, local: false});
});

it('does not wait for what no flashnews can release: a directory, a link, a process on another host', () => {
	const dir = makeTempDir();
	const file = path.join(dir, LOCK_NAME);
	const holders: Array<[() => void, string]> = [
		[() => fs.mkdirSync(file), 'is a directory, not a lock file'],
		[() => fs.symlinkSync(path.join(dir, 'nowhere'), file), 'is a symbolic link, not a lock file'],
		[() => fs.writeFileSync(file, JSON.stringify({pid: 1, host: 'another-host'})), 'is held by process 1 on host another-host'],
	];
	for (const [make, holder] of holders) {
		make();
		const startedAt = Date.now();
		const lock = acquireLock(dir, 5000);
		expect(Date.now() - startedAt).toBeLessThan(1000);
		expect(lock).toMatchObject({holder, local: false});
		fs.rmSync(file, {recursive: true});
	}
});

it("takes over a lock whose time is far in the future (another host's clock)", () => {
	const dir = makeTempDir();
	const file = path.join(dir, LOCK_NAME);
	fs.writeFileSync(file, JSON.stringify({pid: 1, host: 'another-host'}));
	const future = new Date(Date.now() + 3_600_000);
	fs.utimesSync(file, future, future);
	take(dir)();
	expect(fs.existsSync(file)).toBe(false);
});

it('keeps a lock it holds fresh, so that a long save is never taken for an abandoned one', () => {
	const dir = makeTempDir();
	const lock = acquireLock(dir, 0);
	if (!('release' in lock)) throw new Error(`lock refused: ${lock.holder}`);
	const file = path.join(dir, LOCK_NAME);
	const longAgo = new Date(Date.now() - 3_600_000);
	fs.utimesSync(file, longAgo, longAgo);
	lock.refresh();
	expect(Date.now() - fs.statSync(file).mtimeMs).toBeLessThan(60_000);
	lock.release();
	expect(fs.existsSync(file)).toBe(false);
});

it('does not wait for a lock this process holds, and never takes it over', () => {
	const dir = makeTempDir();
	const release = take(dir);
	const startedAt = Date.now();
	expect(acquireLock(dir, 5000)).toEqual({holder: 'is held by this process', permanent: false, local: true});
	expect(Date.now() - startedAt).toBeLessThan(1000);
	release();
	take(dir)();
});
