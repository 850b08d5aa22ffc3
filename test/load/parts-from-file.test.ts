import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {FeedResult} from '../../src/core/articles/article.js';
import {parseFeed} from '../../src/core/parse-feed.js';
import {parseFileOffThread, parseWorkersBusy} from '../../src/load/parse-off-thread.js';
import {buildParseWorker} from './helpers/build-parse-worker.js';
import {wrapParseWorker} from './helpers/wrap-parse-worker.js';

// The workers of a feed parsed in parts read the file themselves: the plan a window at a time,
// then each part's byte ranges, checking that the file is still the one that was planned.

let dir: string;
let workerUrl: URL;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'flashnews-parts-from-file-'));
	workerUrl = await buildParseWorker(dir);
});

// Each test counts on having all worker slots: wait for the workers of the last one to be gone.
beforeEach(async () => {
	while (parseWorkersBusy().running > 0) await new Promise(resolve => setTimeout(resolve, 5));
});

afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

function rssText(count: number, word = 'Story'): string {
	const items = Array.from(
		{length: count},
		(_, index) =>
			`<item><title>${word} ${index} — “é”</title><guid>g${index}</guid><description><![CDATA[<p>Body ${index}</p>]]></description></item>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>\n${items.join('\n')}\n</channel></rss>`;
}

function rssFile(name: string, count: number, word?: string): string {
	const path = join(dir, name);
	writeFileSync(path, rssText(count, word));
	return path;
}

function errorOf(result: FeedResult): string {
	if (result.ok) throw new Error('expected an error');
	return result.error;
}

const inThread = (path: string) => parseFeed(readFileSync(path), path);

describe('a feed file parsed in parts', () => {
	it('is read in windows and byte ranges, never whole, and parses as one parse on the main thread does', async () => {
		const path = rssFile('ranges.xml', 24_000);
		const size = statSync(path).size;
		const log = join(dir, 'reads.log');
		// Each worker notes the largest single read and all it read, once it is done.
		const watching = wrapParseWorker(
			dir,
			'watch-reads.mjs',
			workerUrl,
			`const readSync = fs.readSync;
			let largest = 0;
			let total = 0;
			fs.readSync = (...args) => {
				const read = readSync(...args);
				largest = Math.max(largest, read);
				total += read;
				return read;
			};
			const post = parentPort.postMessage.bind(parentPort);
			parentPort.postMessage = (message, transfer) => {
				if (message.kind === 'done') fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({largest, total}) + '\\n');
				return post(message, transfer);
			};`,
		);
		const result = await parseFileOffThread(path, size, path, {}, {workerUrl: watching, workers: 2, partBytes: 128 * 1024});
		expect(result.ok && result.articles).toHaveLength(24_000);
		expect(result).toEqual(await inThread(path));
		const reads = readFileSync(log, 'utf8')
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as {largest: number; total: number});
		expect(reads).toHaveLength(2);
		expect(size).toBeGreaterThan(2.5 * 1024 * 1024);
		for (const {largest} of reads) expect(largest).toBeLessThan(size / 2);
		// The plan's one pass, and every part once.
		const total = reads.reduce((sum, {total}) => sum + total, 0);
		expect(total).toBeGreaterThan(2 * size);
		expect(total).toBeLessThan(2.2 * size);
	});

	it('parses a feed it cannot cut (a DOCTYPE) whole, read by one worker', async () => {
		const path = join(dir, 'doctype.xml');
		writeFileSync(path, rssText(3000).replace('<rss', '<!DOCTYPE rss>\n<rss'));
		const result = await parseFileOffThread(path, statSync(path).size, path, {}, {workerUrl, workers: 2, partBytes: 16 * 1024});
		expect(result.ok && result.articles).toHaveLength(3000);
		expect(result).toEqual(await inThread(path));
	});

	it('says the file changed when it is written to between the plan and the reading of a part', async () => {
		const path = rssFile('written.xml', 3000);
		// After its first part, the first worker changes the file in place: same size, other text.
		const meddling = wrapParseWorker(
			dir,
			'write-after-first-part.mjs',
			workerUrl,
			`const post = parentPort.postMessage.bind(parentPort);
			let changed = false;
			parentPort.postMessage = (message, transfer) => {
				if (message.kind === 'part' && request.worker === 0 && !changed) {
					changed = true;
					const text = fs.readFileSync(${JSON.stringify(path)}, 'utf8');
					fs.writeFileSync(${JSON.stringify(path)}, text.replaceAll('Story', 'Other'));
				}
				return post(message, transfer);
			};`,
		);
		const result = await parseFileOffThread(path, statSync(path).size, path, {}, {workerUrl: meddling, workers: 1, partBytes: 16 * 1024});
		expect(errorOf(result)).toBe('the file changed while it was loading');
	});

	it('says the file changed when another file takes its place after the plan', async () => {
		const path = rssFile('replaced-later.xml', 3000);
		const other = rssFile('other.xml', 3000, 'Other');
		// The second worker waits for the plan, puts the other file in its place, and only then opens it.
		const meddling = wrapParseWorker(
			dir,
			'replace-after-plan.mjs',
			workerUrl,
			`if (request.worker === 1) {
				Atomics.wait(request.board.state, 0, 0);
				fs.renameSync(${JSON.stringify(other)}, ${JSON.stringify(path)});
			}`,
		);
		const result = await parseFileOffThread(path, statSync(path).size, path, {}, {workerUrl: meddling, workers: 2, partBytes: 16 * 1024});
		expect(errorOf(result)).toBe('the file changed while it was loading');
	});

	it('says so when the file vanishes after the plan', async () => {
		const path = rssFile('vanishes.xml', 3000);
		const meddling = wrapParseWorker(
			dir,
			'remove-after-plan.mjs',
			workerUrl,
			`if (request.worker === 1) {
				Atomics.wait(request.board.state, 0, 0);
				fs.rmSync(${JSON.stringify(path)});
			}`,
		);
		const result = await parseFileOffThread(path, statSync(path).size, path, {}, {workerUrl: meddling, workers: 2, partBytes: 16 * 1024});
		// Whichever worker comes to it first: the one that opens it after, or one that has it open.
		expect(errorOf(result)).toMatch(/^(no such file|the file changed while it was loading)$/);
	});
});
