import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {parseFeed} from '../../src/core/parse-feed.js';
import {parseFeedOffThread, parseFileOffThread, parseWorkersBusy, partHeapLimits} from '../../src/load/parse-off-thread.js';
import {buildParseWorker} from './helpers/build-parse-worker.js';
import {wrapParseWorker} from './helpers/wrap-parse-worker.js';

// Part workers run under a heap limit; one that runs out of memory must not cost the feed.

let dir: string;
let workerUrl: URL;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'flashnews-heap-limit-'));
	workerUrl = await buildParseWorker(dir);
});

beforeEach(async () => {
	while (parseWorkersBusy().running > 0) await new Promise(resolve => setTimeout(resolve, 5));
});

afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

function rssFile(name: string, count: number): string {
	const items = Array.from(
		{length: count},
		(_, index) =>
			`<item><title>Story ${index}</title><guid>g${index}</guid><description><![CDATA[<p>Body ${index}</p>]]></description></item>`,
	);
	const path = join(dir, name);
	writeFileSync(path, `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>\n${items.join('\n')}\n</channel></rss>`);
	return path;
}

const inThread = (path: string) => parseFeed(readFileSync(path), path);

/** The requests the workers were given, as the wrapper logged them. */
function requestsIn(log: string): {worker: number; only?: number[]}[] {
	return readFileSync(log, 'utf8')
		.trim()
		.split('\n')
		.map(line => JSON.parse(line));
}

const logRequest = (log: string) =>
	`fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({worker: request.worker, only: request.only}) + '\\n');`;

describe('part workers under a heap limit', () => {
	it('sizes the limit for one part, with room to spare', () => {
		expect(partHeapLimits(2 * 1024 * 1024).maxOldGenerationSizeMb).toBe(64);
		expect(partHeapLimits(16 * 1024).maxOldGenerationSizeMb).toBe(64);
		expect(partHeapLimits(6 * 1024 * 1024).maxOldGenerationSizeMb).toBe(192);
	});

	it('parses again, with no limit, the parts of a worker that runs out of memory after handing one over', async () => {
		const path = rssFile('one-runs-out.xml', 3000);
		const log = join(dir, 'one-runs-out.log');
		// The second worker hands over its first part, then fills its heap until it is stopped.
		const greedy = wrapParseWorker(
			dir,
			'greedy-after-a-part.mjs',
			workerUrl,
			`${logRequest(log)}
			const post = parentPort.postMessage.bind(parentPort);
			parentPort.postMessage = (message, transfer) => {
				post(message, transfer);
				if (message.kind === 'part' && request.worker === 1 && request.only === undefined) {
					const hoard = [];
					for (;;) hoard.push(Array.from({length: 100_000}, (_, index) => ({index})));
				}
			};`,
		);
		const limits = {maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4};
		const result = await parseFileOffThread(
			path,
			statSync(path).size,
			path,
			{},
			{workerUrl: greedy, workers: 2, partBytes: 16 * 1024, limits},
		);
		expect(result.ok && result.articles).toHaveLength(3000);
		expect(result).toEqual(await inThread(path));
		const requests = requestsIn(log);
		expect(requests).toHaveLength(3);
		// Worker 1 had parts 1, 3, 5, …; it handed over part 1 only.
		const again = requests.find(request => request.only !== undefined);
		expect(again?.only?.[0]).toBe(3);
		expect(again?.only?.every(part => part % 2 === 1)).toBe(true);
	});

	it('loads the feed whole when every part worker runs out of memory at once (a tiny limit)', async () => {
		const path = rssFile('tiny-limit.xml', 3000);
		const limits = {maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1};
		const result = await parseFileOffThread(path, statSync(path).size, path, {}, {workerUrl, workers: 2, partBytes: 16 * 1024, limits});
		expect(result).toEqual(await inThread(path));
	});

	it('does the same for bytes held in memory (standard input)', async () => {
		const bytes = readFileSync(rssFile('tiny-limit-stdin.xml', 3000));
		const limits = {maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1};
		const result = await parseFeedOffThread(bytes, 'stdin', {}, {workerUrl, workers: 2, partBytes: 16 * 1024, limits});
		expect(result).toEqual(await parseFeed(bytes, 'stdin'));
	});
});
