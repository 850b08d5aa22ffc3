import {mkdtempSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FeedResult} from '../../src/core/articles/article.js';
import {parseFeed} from '../../src/core/parse-feed.js';
import {parseFileOffThread} from '../../src/load/parse-off-thread.js';
import {buildParseWorker} from './helpers/build-parse-worker.js';

let dir: string;
let workerUrl: URL;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'flashnews-file-workers-'));
	workerUrl = await buildParseWorker(dir);
});

afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

function rssFile(name: string, count: number): string {
	const items = Array.from(
		{length: count},
		(_, index) =>
			`<item><title>Story ${index} &amp; more</title><guid>g${index}</guid><pubDate>Thu, 17 Apr 2025 ${String(index % 24).padStart(2, '0')}:00:00 GMT</pubDate><description><![CDATA[<p>Body ${index}</p>]]></description></item>`,
	);
	const path = join(dir, name);
	writeFileSync(path, `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items.join('\n')}</channel></rss>`);
	return path;
}

async function inThread(path: string): Promise<FeedResult> {
	const {readFileSync} = await import('node:fs');
	return parseFeed(readFileSync(path), path);
}

function errorOf(result: FeedResult): string {
	if (result.ok) throw new Error('expected an error');
	return result.error;
}

describe('a large file read and parsed in worker threads', () => {
	it('gives the same result in parts as one parse on the main thread', async () => {
		const path = rssFile('parts.xml', 300);
		const result = await parseFileOffThread(path, statSync(path).size, path, {}, {workerUrl, workers: 3, partBytes: 2048});
		expect(result.ok && result.articles).toHaveLength(300);
		expect(result).toEqual(await inThread(path));
	});

	it('hands over, while it parses, runs of the articles from the first that end as the whole does', async () => {
		const path = rssFile('partials.xml', 300);
		const partials: FeedResult[] = [];
		const result = await parseFileOffThread(
			path,
			statSync(path).size,
			path,
			{},
			{workerUrl, workers: 2, partBytes: 2048, onPartial: partial => void partials.push(partial)},
		);
		expect(result).toEqual(await inThread(path));
		const whole = result.ok ? result.articles : [];
		expect(partials.length).toBeGreaterThan(0);
		let last = 0;
		for (const partial of partials) {
			const articles = partial.ok ? partial.articles : [];
			expect(articles.length).toBeGreaterThanOrEqual(4 * last);
			expect(articles.length).toBeLessThan(whole.length);
			expect(articles).toEqual(whole.slice(0, articles.length));
			expect(partial).toMatchObject({ok: true, title: 'Big', warnings: []});
			last = articles.length;
		}
	});

	it('parses a feed that cannot be cut (JSON) once, whole', async () => {
		const path = join(dir, 'whole.json');
		const articles = Array.from({length: 50}, (_, index) => ({id: `j${index}`, title: `Story ${index}`}));
		writeFileSync(path, JSON.stringify({flashnews: 1, title: 'Whole', articles}));
		const result = await parseFileOffThread(path, statSync(path).size, path, {}, {workerUrl, workers: 2, partBytes: 1024});
		expect(result).toEqual(await inThread(path));
	});

	it('parses what the file holds when it shrank after it was measured', async () => {
		const path = rssFile('shrinks.xml', 40);
		const measured = statSync(path).size;
		const shorter = rssFile('shorter.xml', 20);
		truncateSync(path, 0);
		writeFileSync(path, (await import('node:fs')).readFileSync(shorter));
		const result = await parseFileOffThread(path, measured, path, {}, {workerUrl, workers: 2, partBytes: 1024});
		expect(result.ok && result.articles).toHaveLength(20);
	});

	it('says so when the file is gone by the time a worker opens it, and no part waits for it', async () => {
		const path = join(dir, 'gone.xml');
		const result = await parseFileOffThread(path, 5_000_000, path, {}, {workerUrl, workers: 2, partBytes: 1024});
		expect(errorOf(result)).toBe('no such file');
	});

	it('refuses a file replaced by something that is not a regular file', async () => {
		const path = join(dir, 'replaced.xml');
		symlinkSync('/dev/null', path);
		const result = await parseFileOffThread(path, 5_000_000, path, {}, {workerUrl, workers: 2, partBytes: 1024});
		expect(errorOf(result)).toBe('the file was replaced while it was loading');
	});

	it('lets the other workers go when the first one dies before reading the file', async () => {
		// Worker 0 exits at once; every other worker hands its parts to the real worker, which waits for the file.
		const firstDies = join(dir, 'first-dies.mjs');
		writeFileSync(
			firstDies,
			`import {parentPort} from 'node:worker_threads';
			parentPort.once('message', async request => {
				if (request.worker === 0) process.exit(3);
				await import(${JSON.stringify(workerUrl.href)});
				parentPort.emit('message', request);
			});`,
		);
		const path = rssFile('first-dies.xml', 30);
		const result = await parseFileOffThread(
			path,
			statSync(path).size,
			path,
			{},
			{workerUrl: pathToFileURL(firstDies), workers: 2, partBytes: 1024},
		);
		expect(errorOf(result)).toBe('parser stopped unexpectedly (exit code 3)');
	});

	it('makes a worker that cannot be started this feed’s error, not the reader’s', async () => {
		const path = rssFile('no-thread.xml', 30);
		const unusable = new URL('http://127.0.0.1/parse-worker.mjs');
		const result = await parseFileOffThread(path, statSync(path).size, path, {}, {workerUrl: unusable, workers: 2, partBytes: 1024});
		expect(errorOf(result)).toMatch(/^parser could not start: /);
	});
});
