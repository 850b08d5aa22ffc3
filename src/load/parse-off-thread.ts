import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import pLimit from 'p-limit';
import type {FeedResult} from '../core/articles/article.js';
import {DEFAULT_MAX_ITEMS} from '../core/limits.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {parseFeed} from '../core/parse-feed.js';
import {mayBeXml, mergeFeedParts} from '../core/xml/split-xml-feed.js';
import {FILE_FAILED, FILE_READING, type FileToRead, LENGTH, newControl, READY} from './parse-part.js';
import {failure, parseInNewWorker, parsePartsInNewWorker, type WorkerRun} from './worker-session.js';

// The worker exists as a file only in the esbuild bundle (dist/parse-worker.mjs, next to app.cjs,
// which this module is part of). Running from TypeScript sources (vitest) there is none: parse in-thread.
const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);

function workerFileExists(url: URL): boolean {
	try {
		return url.protocol === 'file:' && existsSync(fileURLToPath(url));
	} catch {
		return false;
	}
}

/**
 * Parse workers alive at once, in the whole process: each holds a feed's text and its parse in
 * memory, and more than there are cores would only share them. The rest wait their turn.
 */
export const MAX_PARSE_WORKERS = Math.min(4, Math.max(2, availableParallelism()));
const workerSlots = pLimit(MAX_PARSE_WORKERS);

/** How many parse workers are alive, and how many wait for a slot. */
export function parseWorkersBusy(): {running: number; waiting: number} {
	return {running: workerSlots.activeCount, waiting: workerSlots.pendingCount};
}

/**
 * Runs `start` once a worker slot is free. Settles with its value as soon as that is there; the
 * slot is held until its worker is gone. A worker that cannot even be made (no thread to be had)
 * rejects, and gives its slot back.
 */
function inWorkerSlot<T>(start: (run: WorkerRun) => Promise<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		void workerSlots(
			() =>
				new Promise<void>(gone => {
					start({gone}).then(resolve, error => {
						gone();
						reject(error);
					});
				}),
		);
	});
}

/**
 * Runs parseFeed in a worker_threads Worker loaded from `workerUrl`, once one of the
 * MAX_PARSE_WORKERS slots is free. The bytes are transferred (the caller's buffer is detached
 * afterwards) unless they live in a SharedArrayBuffer, which the worker reads in place. A worker
 * crash becomes `{ok: false}`, never a rejection.
 */
export function parseInWorker(workerUrl: URL, bytes: Uint8Array, source: string, options: ParseFeedOptions = {}): Promise<FeedResult> {
	return inWorkerSlot(run => parseInNewWorker(workerUrl, {bytes, source, options}, run));
}

function copyToShared(bytes: Uint8Array): Uint8Array {
	const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
	shared.set(bytes);
	return shared;
}

// Below this, a second worker's start-up costs about what it saves.
const SPLIT_BYTES = 4 * 1024 * 1024;
const MAX_WORKERS_PER_FEED = 4;
/**
 * About how much of a feed one worker parses at once: the memory a parse takes grows with its
 * size, so a large feed is parsed a part of this size after another, each handed over when done.
 */
const PART_BYTES = 6 * 1024 * 1024;

export type OffThreadOptions = {workerUrl?: URL; workers?: number; partBytes?: number};

function defaultWorkers(size: number): number {
	return size >= SPLIT_BYTES ? Math.min(MAX_WORKERS_PER_FEED, availableParallelism()) : 1;
}

/** Whether feeds can be parsed off the main thread here (not when running from sources, as in tests). */
export function canParseOffThread(workerUrl: URL = WORKER_URL): boolean {
	return workerFileExists(workerUrl);
}

type PartJob = {bytes: Uint8Array; source: string; options: ParseFeedOptions; file?: FileToRead};

/** The others must not wait for a file that the first worker will never read. */
function releaseFileWaiters(file: FileToRead | undefined): void {
	if (file === undefined || Atomics.load(file.control, READY) !== FILE_READING) return;
	Atomics.store(file.control, READY, FILE_FAILED);
	Atomics.notify(file.control, READY);
}

/**
 * Parses `job` in parts of about `partBytes` on up to `workers` workers started at once (see
 * parse-part.ts), and merges the parts; when the feed cannot be cut, the first worker parses all of
 * it, and when the parts do not add up, it is parsed again whole. Only as many workers as there are
 * free worker slots (at least one): a worker never waits for a slot while another of the same feed
 * waits for it, so feeds loading side by side cannot hold each other up.
 */
async function parseInParts(workerUrl: URL, job: PartJob, workers: number, partBytes: number): Promise<FeedResult> {
	const free = MAX_PARSE_WORKERS - workerSlots.activeCount - workerSlots.pendingCount;
	const count = Math.max(1, Math.min(workers, free));
	const parts = count * Math.max(1, Math.ceil(job.bytes.length / (count * partBytes)));
	const answers = await Promise.all(
		Array.from({length: count}, (_, worker) =>
			inWorkerSlot(async run => {
				try {
					return await parsePartsInNewWorker(workerUrl, {...job, worker, workers: count, parts}, run);
				} finally {
					if (worker === 0) releaseFileWaiters(job.file);
				}
			}),
		),
	);
	const [first] = answers;
	const whole = first?.find(answer => answer.of === 'whole');
	if (whole !== undefined) return whole.result;
	const inOrder = answers.flat().sort((a, b) => a.part - b.part);
	const complete = inOrder.every((answer, index) => answer.of === 'part' && answer.part === index);
	const merged = complete
		? mergeFeedParts(
				inOrder.map(answer => answer.result),
				job.options.maxItems ?? DEFAULT_MAX_ITEMS,
			)
		: undefined;
	if (merged !== undefined) return merged;
	const length = job.file === undefined ? job.bytes.length : Atomics.load(job.file.control, LENGTH);
	return await parseInWorker(workerUrl, job.bytes.subarray(0, length), job.source, job.options);
}

/**
 * parseFeed off the main thread, so the UI keeps reacting while a large file is parsed. A large
 * XML feed is cut into parts (planXmlFeedParts), parsed on as many workers as there are cores;
 * when the parts cannot be cut or do not add up exactly, the whole is parsed as one.
 */
export async function parseFeedOffThread(
	bytes: Uint8Array,
	source: string,
	options: ParseFeedOptions = {},
	{workerUrl = WORKER_URL, workers = defaultWorkers(bytes.length), partBytes = PART_BYTES}: OffThreadOptions = {},
): Promise<FeedResult> {
	if (!workerFileExists(workerUrl)) return parseFeed(bytes, source, options);
	try {
		if (bytes.length > partBytes && mayBeXml(bytes)) {
			// Every worker reads the shared bytes in place and copies out its own parts.
			const shared = bytes.buffer instanceof SharedArrayBuffer ? bytes : copyToShared(bytes);
			return await parseInParts(workerUrl, {bytes: shared, source, options}, workers, partBytes);
		}
		return await parseInWorker(workerUrl, bytes, source, options);
	} catch (error) {
		return failure(source, `parser could not start: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/**
 * A regular file of `size` bytes, read and parsed off the main thread: the first worker reads it
 * into shared memory while the others start, so reading waits neither for the main thread nor for
 * a worker to start. Only where canParseOffThread.
 */
export async function parseFileOffThread(
	path: string,
	size: number,
	source: string,
	options: ParseFeedOptions = {},
	{workerUrl = WORKER_URL, workers = defaultWorkers(size), partBytes = PART_BYTES}: OffThreadOptions = {},
): Promise<FeedResult> {
	try {
		const bytes = new Uint8Array(new SharedArrayBuffer(size));
		return await parseInParts(workerUrl, {bytes, source, options, file: {path, control: newControl()}}, workers, partBytes);
	} catch (error) {
		return failure(source, `parser could not start: ${error instanceof Error ? error.message : String(error)}`);
	}
}
