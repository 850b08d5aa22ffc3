import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {openStore} from '../../src/store/open-store.js';
import {largeReadId, writeLargeState} from './large-state.js';
import {bundleStore, makeTempDir, removeTempDirs} from './store-fixtures.js';

const childScript = fileURLToPath(new URL('store-child.mjs', import.meta.url));
let bundle = '';

beforeAll(async () => {
	bundle = await bundleStore(makeTempDir());
});

afterAll(removeTempDirs);

type Child = {lines: string[]; stderr: string; exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>; kill(): void};

function startChild(configDir: string, ...args: string[]): Child {
	const child = spawn(process.execPath, [childScript, bundle, configDir, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	const result: Child = {
		lines: [],
		stderr: '',
		exited: new Promise(resolve => {
			// 'close' waits for stdout to be drained: every number the child printed is counted.
			child.on('close', (code, signal) => resolve({code, signal}));
		}),
		kill: () => child.kill('SIGKILL'),
	};
	let pending = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		const parts = (pending + chunk).split('\n');
		pending = parts.pop() ?? '';
		result.lines.push(...parts);
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		result.stderr += chunk;
	});
	return result;
}

async function waitUntil(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise(resolve => setTimeout(resolve, 5));
}

/** One process per prefix, each marking `count` articles read at once with the others; each must finish cleanly. */
async function markInProcesses(dir: string, prefixes: readonly string[], count: number): Promise<void> {
	const children = prefixes.map(prefix => startChild(dir, 'mark', prefix, String(count)));
	const results = await Promise.all(children.map(child => child.exited));
	for (const [index, child] of children.entries()) {
		expect(child.stderr).toBe('');
		expect(results[index]?.code).toBe(0);
		expect(child.lines).toEqual(['done']);
	}
}

it('keeps every mark a process reported done before it was killed with SIGKILL', async () => {
	const dir = makeTempDir();
	const child = startChild(dir, 'mark-forever', 'killed');
	await waitUntil(() => child.lines.length >= 400 || child.stderr !== '');
	child.kill();
	const {signal} = await child.exited;
	expect(child.stderr).toBe('');
	expect(signal).toBe('SIGKILL');

	const done = child.lines.map(Number);
	expect(done.length).toBeGreaterThanOrEqual(400);
	const store = openStore({configDir: dir});
	const missing = done.filter(index => !store.isRead(`killed-${index}`));
	expect(missing).toEqual([]);
	expect(store.notices).toEqual([]);
	store.close();
});

it('keeps the marks and bookmarks of two processes writing at the same time', async () => {
	const dir = makeTempDir();
	const count = 300;
	await markInProcesses(dir, ['left', 'right'], count);

	const store = openStore({configDir: dir});
	for (const prefix of ['left', 'right']) {
		const missing = Array.from({length: count}, (_, index) => `${prefix}-${index}`).filter(id => !store.isRead(id));
		expect(missing).toEqual([]);
	}

	const expectedBookmarks = ['left', 'right'].flatMap(prefix =>
		Array.from({length: count}, (_, index) => index)
			.filter(index => index % 3 === 0)
			.map(index => `${prefix}-${index}`),
	);
	expect(
		store
			.bookmarks()
			.map(snapshot => snapshot.id)
			.sort(),
	).toEqual(expectedBookmarks.sort());
	store.close();
	// Both children closed their stores: everything was compacted into the file.
	expect(fs.readdirSync(dir).filter(name => name.startsWith('journal') && fs.statSync(path.join(dir, name)).size > 0)).toEqual([]);
});

it('keeps the subscriptions and feed metadata of two processes subscribing at the same time', async () => {
	const dir = makeTempDir();
	const count = 100;
	const children = [startChild(dir, 'subscribe', 'left', String(count)), startChild(dir, 'subscribe', 'right', String(count))];
	const results = await Promise.all(children.map(child => child.exited));
	for (const [index, child] of children.entries()) {
		expect(child.stderr).toBe('');
		expect(results[index]?.code).toBe(0);
	}

	const store = openStore({configDir: dir});
	for (const prefix of ['left', 'right']) {
		const urls = Array.from({length: count}, (_, index) => `https://${prefix}.example/feed-${index}`);
		// Each process's subscriptions keep their order, however the two interleaved.
		expect(
			store
				.subscriptions()
				.map(feed => feed.url)
				.filter(url => url.includes(`//${prefix}.`)),
		).toEqual(urls);
		expect(urls.filter((url, index) => store.feedMeta(url)?.etag !== `"${index}"`)).toEqual([]);
	}

	store.close();
});

it('keeps the marks and bookmarks of five processes writing at once while each saves a large state in the background', async () => {
	const dir = makeTempDir();
	// Larger than is saved at once on quit, so saves overlap, wait for each other's lock and read
	// each other's files again, and quitting leaves the last changes in the journal.
	const {readMarks} = writeLargeState(path.join(dir, 'config.json'), 4.5);
	const count = 100;
	const prefixes = ['one', 'two', 'three', 'four', 'five'];
	await markInProcesses(dir, prefixes, count);

	const store = openStore({configDir: dir});
	expect(store.notices).toEqual([]);
	expect(store.isRead(largeReadId(readMarks - 1))).toBe(true);
	for (const prefix of prefixes) {
		const missing = Array.from({length: count}, (_, index) => `${prefix}-${index}`).filter(id => !store.isRead(id));
		expect(missing).toEqual([]);
		const bookmarked = Array.from({length: count}, (_, index) => index).filter(index => store.isBookmarked(`${prefix}-${index}`));
		expect(bookmarked).toEqual(Array.from({length: count}, (_, index) => index).filter(index => index % 3 === 0));
	}

	store.close();
	expect(fs.readdirSync(dir).filter(name => name.startsWith('config.json.'))).toEqual([]);
}, 60_000);
