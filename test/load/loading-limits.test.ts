import {execFileSync} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSource} from '../../src/load/create-source.js';
import {createLoadBudget, type LoadBudget} from '../../src/load/load-budget.js';
import {createLoader} from '../../src/load/loader.js';
import {MAX_PARSE_WORKERS, parseInWorker, parseWorkersBusy} from '../../src/load/parse-off-thread.js';
import {ARTICLES_PER_BATCH} from '../../src/load/parse-worker.js';
import {fakeSource, makeArticles, okResult} from '../ui/helpers/articles.js';
import {buildParseWorker} from './helpers/build-parse-worker.js';

let dir: string;
const nextTurn = () => new Promise(resolve => setImmediate(resolve));

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'flashnews-limits-'));
});

afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

/** A JSON feed of `count` articles of about 1 KB each. */
function feedFile(name: string, count: number): string {
	const articles = Array.from({length: count}, (_, index) => ({
		id: `${name}-${index}`,
		title: `${name} story ${index}`,
		content: 'word '.repeat(200),
	}));
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify({flashnews: 1, title: name, articles}));
	return path;
}

describe.skipIf(process.platform === 'win32')('a source that never ends', () => {
	it('keeps no other source from loading: five pipes nobody writes to, and a large file', async () => {
		const pipes = [1, 2, 3, 4, 5].map(index => join(dir, `silent-${index}`));
		for (const pipe of pipes) execFileSync('mkfifo', [pipe]);
		const waiting = pipes.map(pipe => createSource(pipe).load());
		const large = await createSource(feedFile('large.json', 1500)).load();
		expect(large.ok && large.articles).toHaveLength(1500);
		// A writer that comes and goes ends each pipe: empty, but read to its end.
		for (const pipe of pipes) closeSync(openSync(pipe, 'w'));
		for (const result of await Promise.all(waiting)) expect(result).toMatchObject({ok: false, error: 'file is empty'});
	});
});

/** A budget that remembers the most it ever held. */
function recordingBudget(maxBytes: number): LoadBudget & {peak(): number} {
	const budget = createLoadBudget(maxBytes);
	let peak = 0;
	return {
		held: budget.held,
		peak: () => peak,
		lease() {
			const lease = budget.lease();
			return {
				get held() {
					return lease.held;
				},
				grow: async bytes => {
					await lease.grow(bytes);
					peak = Math.max(peak, budget.held());
				},
				release: () => lease.release(),
			};
		},
	};
}

describe('the memory loading may take', () => {
	it('holds no more feed bytes at once than the budget, and loads every file', async () => {
		const files = Array.from({length: 6}, (_, index) => feedFile(`budget-${index}.json`, 1500));
		const budget = recordingBudget(3.5 * 1024 * 1024);
		const results = await createLoader(files.map(file => createSource(file, dir, {budget}))).settled();
		expect(results.map(result => result.ok && result.articles.length)).toEqual([1500, 1500, 1500, 1500, 1500, 1500]);
		expect(budget.peak()).toBeGreaterThan(1024 * 1024);
		expect(budget.peak()).toBeLessThanOrEqual(3.5 * 1024 * 1024);
		expect(budget.held()).toBe(0);
	});

	it('keeps a large merge from holding the main thread: the source counts as loading until its articles are in', async () => {
		const big = fakeSource(okResult('Big', makeArticles(60_000)), {deferred: true});
		const loader = createLoader([big]);
		big.release();
		let turns = 0;
		while (loader.snapshot().pending > 0) {
			expect(loader.snapshot().articles).toEqual([]);
			turns++;
			await nextTurn();
		}
		expect(loader.snapshot().articles).toHaveLength(60_000);
		expect(turns).toBeGreaterThan(4);
	});
});

describe('parse workers', () => {
	let workerUrl: URL;
	let countingWorker: URL;

	beforeAll(async () => {
		workerUrl = await buildParseWorker(dir);
		// Counts the workers alive in shared memory ([alive, most alive, go]) and answers once told to go.
		const counting = join(dir, 'counting.mjs');
		writeFileSync(
			counting,
			`import {parentPort} from 'node:worker_threads';
parentPort.on('message', ({bytes, source}) => {
	const state = new Int32Array(bytes.buffer);
	const alive = Atomics.add(state, 0, 1) + 1;
	for (let most = Atomics.load(state, 1); most < alive; most = Atomics.load(state, 1)) Atomics.compareExchange(state, 1, most, alive);
	Atomics.wait(state, 2, 0);
	Atomics.sub(state, 0, 1);
	parentPort.postMessage({kind: 'result', result: {ok: false, source, error: 'done'}, batches: 0});
});`,
		);
		countingWorker = pathToFileURL(counting);
	});

	it(`never has more than ${MAX_PARSE_WORKERS} alive at once; the others wait their turn`, async () => {
		const shared = new Uint8Array(new SharedArrayBuffer(12));
		const state = new Int32Array(shared.buffer);
		const parses = Array.from({length: 10}, (_, index) => parseInWorker(countingWorker, shared, `feed ${index}`));
		await expect.poll(() => Atomics.load(state, 0), {timeout: 10_000}).toBe(MAX_PARSE_WORKERS);
		expect(parseWorkersBusy()).toEqual({running: MAX_PARSE_WORKERS, waiting: 10 - MAX_PARSE_WORKERS});
		Atomics.store(state, 2, 1);
		Atomics.notify(state, 2);
		const results = await Promise.all(parses);
		expect(results.map(result => result.ok === false && result.error)).toEqual(Array.from({length: 10}, () => 'done'));
		expect(Atomics.load(state, 1)).toBe(MAX_PARSE_WORKERS);
	});

	it('hands over a result of many articles whole, in batches', async () => {
		const count = 2 * ARTICLES_PER_BATCH + 7;
		const articles = Array.from({length: count}, (_, index) => ({
			id: `b-${index}`,
			title: `Story ${index}`,
			published: 1_700_000_000_000 - index,
		}));
		const bytes = new TextEncoder().encode(JSON.stringify({title: 'Batches', articles}));
		const result = await parseInWorker(workerUrl, bytes, 'batches.json');
		expect(result.ok && result.articles.map(article => article.title)).toEqual(articles.map(article => article.title));
	});
});
