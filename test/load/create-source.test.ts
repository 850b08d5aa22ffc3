import {execFileSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FeedResult} from '../../src/core/articles/article.js';
import {parseFeed} from '../../src/core/parse-feed.js';
import {createSource} from '../../src/load/create-source.js';
import {createFetchLimiter} from '../../src/load/http/fetch-limiter.js';
import {createLoader} from '../../src/load/loader.js';
import {parseFeedOffThread, parseInWorker} from '../../src/load/parse-off-thread.js';
import {MAX_FILE_BYTES} from '../../src/load/read-file.js';
import type {Source} from '../../src/load/source.js';
import {OFF_THREAD_BYTES} from '../../src/load/worker-plan.js';
import {startFeedServer} from '../e2e/feed-server.js';
import {buildParseWorker} from './helpers/build-parse-worker.js';

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url);
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'flashnews-sources-'));
	copyFileSync(fixture('json/simple-object.json'), join(dir, 'simple.json'));
	mkdirSync(join(dir, 'folder'));
});

afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

function errorOf(result: FeedResult): string {
	if (result.ok) throw new Error('expected an error');
	return result.error;
}

function bigFeed(count: number): string {
	const articles = Array.from({length: count}, (_, index) => ({
		id: `big-${index}`,
		title: `Article ${index}`,
		summary: 'x'.repeat(200),
		published: 1_700_000_000 + index,
	}));
	return JSON.stringify({title: 'Big', articles});
}

describe('createSource for files', () => {
	it('loads a feed file relative to the given directory', async () => {
		const source = createSource('simple.json', dir);
		expect(source.id).toBe(join(dir, 'simple.json'));
		expect(source.label).toBe('simple.json');
		const result = await source.load();
		expect(result).toMatchObject({ok: true, source: 'simple.json', title: 'Flash News'});
		expect(result.ok && result.articles).toHaveLength(3);
	});

	it('accepts a file: URL', async () => {
		const result = await createSource(pathToFileURL(join(dir, 'simple.json')).href).load();
		expect(result.ok).toBe(true);
	});

	it('says "no such file" for a missing file, also under a path that is a file', async () => {
		expect(errorOf(await createSource('missing.json', dir).load())).toBe('no such file');
		expect(errorOf(await createSource('simple.json/inner.json', dir).load())).toBe('no such file');
	});

	it('says "is a directory" for a directory', async () => {
		expect(errorOf(await createSource('folder', dir).load())).toBe('is a directory');
	});

	it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('says "permission denied" for an unreadable file', async () => {
		const path = join(dir, 'secret.json');
		writeFileSync(path, '[]');
		chmodSync(path, 0o000);
		expect(errorOf(await createSource(path).load())).toBe('permission denied');
	});

	it('refuses a file over the size limit without reading it', async () => {
		const path = join(dir, 'huge.json');
		writeFileSync(path, '');
		truncateSync(path, MAX_FILE_BYTES + 1);
		expect(errorOf(await createSource(path).load())).toMatch(/^feed is too large \(\d+ MB; limit \d+ MB\)$/);
		rmSync(path);
	});

	it('parses a file over 1 MB as well as a small one', async () => {
		const text = bigFeed(6000);
		expect(text.length).toBeGreaterThan(OFF_THREAD_BYTES);
		writeFileSync(join(dir, 'big.json'), text);
		const result = await createSource('big.json', dir).load();
		expect(result.ok && result.articles.length).toBe(6000);
	});

	it.skipIf(process.platform === 'win32')('reads a feed from a named pipe', async () => {
		const path = join(dir, 'pipe');
		execFileSync('mkfifo', [path]);
		const [result] = await Promise.all([createSource(path).load(), writeFile(path, '{"articles": [{"title": "Through a pipe"}]}')]);
		expect(result.ok && result.articles.map(article => article.title)).toEqual(['Through a pipe']);
	});
});

describe('createSource for URLs', () => {
	it('fetches a feed given by URL and parses it like a file', async () => {
		const server = await startFeedServer();
		try {
			server.serve('/simple.json', readFileSync(fixture('json/simple-object.json')), 'application/json');
			const web = {fetch: {version: '0.0.0'}, limiter: createFetchLimiter(), offline: false};
			const result = await createSource(server.url('/simple.json'), dir, {web}).load();
			expect(result.ok && result.articles.length).toBeGreaterThan(0);
			expect(result.source).toBe(server.url('/simple.json'));
			const offline = await createSource(server.url('/simple.json'), dir, {web: {...web, offline: true}}).load();
			expect(offline).toMatchObject({ok: false, error: expect.stringContaining('--offline')});
		} finally {
			await server.close();
		}
	});
});

describe('loading every source', () => {
	it('loads all sources and keeps their order, failures included', async () => {
		const results = await createLoader([
			createSource('missing.json', dir),
			createSource('simple.json', dir),
			createSource('http://x.example/rss'),
		]).settled();
		expect(results.map(result => [result.source, result.ok])).toEqual([
			['missing.json', false],
			['simple.json', true],
			['http://x.example/rss', false],
		]);
	});

	it('turns a source that rejects into an error result', async () => {
		const [result] = await createLoader([{id: 'bad', label: 'bad', load: () => Promise.reject(new Error('went\nwrong'))}]).settled();
		expect(result).toEqual({ok: false, source: 'bad', error: 'went wrong'});
	});
});

describe('loading before the interface is up', () => {
	const nextTurn = () => new Promise(resolve => setImmediate(resolve));

	it('has a small file read and parsed by the next turn of the event loop', async () => {
		const loader = createLoader([createSource('simple.json', dir)]);
		expect(loader.snapshot().results[0]).toBeUndefined();
		await nextTurn();
		expect(loader.snapshot().results[0]?.ok).toBe(true);
		expect(loader.snapshot().articles.length).toBeGreaterThan(0);
	});

	it('leaves the result of a load still running undefined', async () => {
		const never: Source = {id: 'slow', label: 'slow', load: () => new Promise(() => {})};
		writeFileSync(join(dir, 'broken.json'), '{"articles": [');
		const loader = createLoader([never, createSource('broken.json', dir)]);
		await nextTurn();
		const [slow, broken] = loader.snapshot().results;
		expect(slow).toBeUndefined();
		expect(broken).toMatchObject({ok: false, source: 'broken.json'});
		expect(loader.snapshot().pending).toBe(1);
	});

	it('loads each source once, however often its result is asked for', async () => {
		let loads = 0;
		const counted: Source = {id: 'c', label: 'c', load: async () => ({ok: false, source: 'c', error: `load ${++loads}`})};
		const loader = createLoader([counted]);
		const results = await Promise.all([loader.settled(), loader.settled()]);
		expect(loads).toBe(1);
		expect(results[0]![0]).toBe(results[1]![0]);
		expect(loader.snapshot().results[0]).toBe(results[0]![0]);
	});
});

describe('parsing in a worker thread', () => {
	let workerUrl: URL;

	beforeAll(async () => {
		workerUrl = await buildParseWorker(dir);
	});

	it('gives the same result as parsing in-thread, and takes over the bytes', async () => {
		const text = bigFeed(200);
		const expected = await parseFeed(new TextEncoder().encode(text), 'big.json');
		const bytes = new TextEncoder().encode(text);
		const result = await parseInWorker(workerUrl, bytes, 'big.json');
		expect(result).toEqual(expected);
		expect(bytes.byteLength).toBe(0);
	});

	it('parses a large XML feed in parts on several workers, with the same result as one parse', async () => {
		const items = Array.from(
			{length: 300},
			(_, index) =>
				`<item><title>Story ${index} &amp; more</title><guid>g${index}</guid><pubDate>Thu, 17 Apr 2025 ${String(index % 24).padStart(2, '0')}:00:00 GMT</pubDate><description><![CDATA[<p>Body ${index}</p>]]></description></item>`,
		);
		const text = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>https://example.com/</link>${items.join('\n')}</channel></rss>`;
		const expected = await parseFeed(new TextEncoder().encode(text), 'big.xml');
		const bytes = new TextEncoder().encode(text);
		const result = await parseFeedOffThread(bytes, 'big.xml', {}, {workerUrl, workers: 3, partBytes: 2048});
		expect(result.ok && result.articles).toHaveLength(300);
		expect(result).toEqual(expected);
		// The parts were copies: the caller's bytes are still there for a whole parse if needed.
		expect(bytes.byteLength).toBe(text.length);
	});

	it('falls back to one parse when the parts do not add up (an id repeated across parts)', async () => {
		const items = Array.from(
			{length: 40},
			(_, index) => `<item><title>Story ${index}</title><guid>g${index === 39 ? 0 : index}</guid></item>`,
		);
		const text = `<rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`;
		const expected = await parseFeed(new TextEncoder().encode(text), 'dup.xml');
		expect(expected.ok && expected.warnings.join()).toMatch(/duplicate/);
		expect(await parseFeedOffThread(new TextEncoder().encode(text), 'dup.xml', {}, {workerUrl, workers: 2, partBytes: 256})).toEqual(
			expected,
		);
	});

	it('parses a view into a larger buffer without detaching that buffer', async () => {
		const whole = new TextEncoder().encode(`xxxx${JSON.stringify({articles: [{title: 'Inside'}]})}`);
		const result = await parseInWorker(workerUrl, whole.subarray(4), 'view.json');
		expect(result.ok && result.articles[0]?.title).toBe('Inside');
		expect(whole.byteLength).toBeGreaterThan(0);
	});

	it('reports bad input as an error result from the worker', async () => {
		expect(errorOf(await parseInWorker(workerUrl, new Uint8Array(), 'empty.json'))).toBe('file is empty');
	});

	it('turns a crashing worker into an error result', async () => {
		const path = join(dir, 'crash.mjs');
		writeFileSync(path, "throw new Error('worker fell over');");
		expect(errorOf(await parseInWorker(pathToFileURL(path), new Uint8Array([1]), 'x'))).toBe('parser crashed: worker fell over');
	});

	it('turns a worker that exits without answering into an error result', async () => {
		const path = join(dir, 'exit.mjs');
		writeFileSync(path, "import {parentPort} from 'node:worker_threads'; parentPort.on('message', () => process.exit(3));");
		expect(errorOf(await parseInWorker(pathToFileURL(path), new Uint8Array([1]), 'x'))).toBe('parser stopped unexpectedly (exit code 3)');
	});
});
