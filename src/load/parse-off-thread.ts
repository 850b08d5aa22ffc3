import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {FeedResult} from '../core/articles/article.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {parseFeed} from '../core/parse-feed.js';
import {mayBeXml} from '../core/xml/split-xml-feed.js';
import {parseInParts, parseWhole} from './parse-in-parts.js';
import {readHead} from './read-file.js';
import {PART_BYTES, partHeapLimits, workersFor} from './worker-plan.js';
import {failure, type HeapLimits, parseInNewWorker} from './worker-session.js';
import {inWorkerSlot} from './worker-slots.js';

export {MAX_PARSE_WORKERS, partHeapLimits} from './worker-plan.js';
export {parseWorkersBusy} from './worker-slots.js';

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

/**
 * `limits`: the heap limits of part workers (null: none); by default, partHeapLimits(partBytes).
 * `onPartial`: hears of the articles parsed so far of a feed parsed in parts (see parseInParts).
 */
export type OffThreadOptions = {
	workerUrl?: URL;
	workers?: number;
	partBytes?: number;
	limits?: HeapLimits | null;
	onPartial?: (result: FeedResult) => void;
};

/** Whether feeds can be parsed off the main thread here (not when running from sources, as in tests). */
export function canParseOffThread(workerUrl: URL = WORKER_URL): boolean {
	return workerFileExists(workerUrl);
}

function settings(
	size: number,
	{workerUrl = WORKER_URL, workers = workersFor(size), partBytes = PART_BYTES, limits, onPartial}: OffThreadOptions,
) {
	return {workerUrl, workers, partBytes, limits: limits === null ? undefined : (limits ?? partHeapLimits(partBytes)), onPartial};
}

function couldNotStart(source: string, error: unknown): FeedResult {
	return failure(source, `parser could not start: ${error instanceof Error ? error.message : String(error)}`);
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
	offThread: OffThreadOptions = {},
): Promise<FeedResult> {
	const use = settings(bytes.length, offThread);
	if (!workerFileExists(use.workerUrl)) return parseFeed(bytes, source, options);
	try {
		if (bytes.length > use.partBytes && mayBeXml(bytes)) {
			// Every worker reads the shared bytes in place and copies out its own parts.
			const shared = bytes.buffer instanceof SharedArrayBuffer ? bytes : copyToShared(bytes);
			return await parseInParts({feed: {bytes: shared}, source, options}, use);
		}
		return await parseInWorker(use.workerUrl, bytes, source, options);
	} catch (error) {
		return couldNotStart(source, error);
	}
}

/**
 * A regular file of `size` bytes, read and parsed off the main thread: the workers read it
 * themselves, each what it needs when it needs it (see parse-part.ts), so neither the main thread
 * nor any worker holds the whole file. Only where canParseOffThread.
 */
export async function parseFileOffThread(
	path: string,
	size: number,
	source: string,
	options: ParseFeedOptions = {},
	offThread: OffThreadOptions = {},
): Promise<FeedResult> {
	const use = settings(size, offThread);
	const job = {feed: {path, size}, source, options};
	try {
		// What cannot be XML (JSON) is not cut: no worker need start to find that out.
		const head = readHead(path);
		if (head !== undefined && !mayBeXml(head)) return await parseWhole(use.workerUrl, job);
		return await parseInParts(job, use);
	} catch (error) {
		return couldNotStart(source, error);
	}
}
