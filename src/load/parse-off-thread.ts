import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import pLimit from 'p-limit';
import type {FeedResult} from '../core/articles/article.js';
import {DEFAULT_MAX_ITEMS} from '../core/limits.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {parseFeed} from '../core/parse-feed.js';
import {mergeFeedParts, type PartRanges} from '../core/xml/split-xml-feed.js';
import {failure, parseInNewWorker, planInNewWorker} from './worker-session.js';

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
 * Runs parseFeed in a worker_threads Worker loaded from `workerUrl`, once one of the
 * MAX_PARSE_WORKERS slots is free. The bytes are transferred (the caller's buffer is detached
 * afterwards) unless they live in a SharedArrayBuffer, which the worker reads in place; with
 * `ranges`, it parses only that part of them. A worker crash becomes `{ok: false}`, never a
 * rejection.
 */
export function parseInWorker(
	workerUrl: URL,
	bytes: Uint8Array,
	source: string,
	options: ParseFeedOptions = {},
	ranges?: PartRanges,
): Promise<FeedResult> {
	return workerSlots(() => parseInNewWorker(workerUrl, {bytes, source, options, ranges}));
}

function copyToShared(bytes: Uint8Array): Uint8Array {
	const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
	shared.set(bytes);
	return shared;
}

// Only XML can be cut into parts; anything else (JSON) is not searched for places to cut.
function mayBeXml(bytes: Uint8Array): boolean {
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	for (let index = start; index < Math.min(bytes.length, start + 4096); index++) {
		const byte = bytes[index];
		if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
		return byte === 0x3c;
	}
	return false;
}

// Below this, a second worker's start-up costs about what it saves.
export const SPLIT_BYTES = 4 * 1024 * 1024;
const MAX_PARTS = 4;

export type OffThreadOptions = {workerUrl?: URL; parts?: number};

/**
 * parseFeed off the main thread, so the UI keeps reacting while a large file is parsed. A large
 * XML feed is cut into one document per core (splitXmlFeed, itself searched in a worker) and the
 * parts are parsed side by side; when the parts cannot be cut or do not add up exactly, the whole
 * is parsed as one.
 */
export async function parseFeedOffThread(
	bytes: Uint8Array,
	source: string,
	options: ParseFeedOptions = {},
	{workerUrl = WORKER_URL, parts = bytes.length >= SPLIT_BYTES ? Math.min(MAX_PARTS, availableParallelism()) : 1}: OffThreadOptions = {},
): Promise<FeedResult> {
	if (!workerFileExists(workerUrl)) return parseFeed(bytes, source, options);
	try {
		if (parts > 1 && mayBeXml(bytes)) {
			// Every worker copies out its own part of shared memory, off this thread.
			const shared = bytes.buffer instanceof SharedArrayBuffer ? bytes : copyToShared(bytes);
			const plan = await workerSlots(() => planInNewWorker(workerUrl, shared, parts));
			if (plan !== undefined) {
				const results = await Promise.all(plan.map(ranges => parseInWorker(workerUrl, shared, source, {...options, part: true}, ranges)));
				const merged = mergeFeedParts(results, options.maxItems ?? DEFAULT_MAX_ITEMS);
				if (merged !== undefined) return merged;
			}
			return await parseInWorker(workerUrl, shared, source, options);
		}
		return await parseInWorker(workerUrl, bytes, source, options);
	} catch (error) {
		return failure(source, `parser could not start: ${error instanceof Error ? error.message : String(error)}`);
	}
}
