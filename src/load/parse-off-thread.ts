import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {FeedResult} from '../core/articles/article.js';
import {parseFeed} from '../core/parse-feed.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import type {ParseRequest} from './parse-worker.js';
import {mergeFeedParts, planXmlFeedParts, type PartRanges} from '../core/xml/split-xml-feed.js';
import {DEFAULT_MAX_ITEMS} from '../core/limits.js';

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

// Transferring moves the memory to the worker instead of copying it; that needs the view to own
// its whole ArrayBuffer (a Buffer may be a slice of a shared pool).
function transferable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	const {buffer} = bytes;
	if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) {
		return new Uint8Array(buffer);
	}
	return bytes.slice();
}

function failure(source: string, message: string): FeedResult {
	return {ok: false, source, error: sanitizeLine(message) || 'parser failed'};
}

/**
 * Runs parseFeed in a worker_threads Worker loaded from `workerUrl`. The bytes are transferred (the
 * caller's buffer is detached afterwards) unless they live in a SharedArrayBuffer, which the worker
 * reads in place; with `ranges`, it parses only that part of them. A worker crash becomes
 * `{ok: false}`, never a rejection.
 */
export function parseInWorker(
	workerUrl: URL,
	bytes: Uint8Array,
	source: string,
	options: ParseFeedOptions = {},
	ranges?: PartRanges,
): Promise<FeedResult> {
	return new Promise((resolve) => {
		let settled = false;
		const settle = (result: FeedResult) => {
			if (settled) return;
			settled = true;
			resolve(result);
			void worker.terminate();
		};
		const worker = new Worker(workerUrl);
		worker.on('message', (result: FeedResult) => settle(result));
		worker.on('error', (error: Error) => settle(failure(source, `parser crashed: ${error.message}`)));
		worker.on('exit', (code) => settle(failure(source, `parser stopped unexpectedly (exit code ${code})`)));
		try {
			if (bytes.buffer instanceof SharedArrayBuffer) {
				worker.postMessage({bytes, source, options, ranges} satisfies ParseRequest);
			} else {
				const data = transferable(bytes);
				worker.postMessage({bytes: data, source, options, ranges} satisfies ParseRequest, [data.buffer]);
			}
		} catch (error) {
			settle(failure(source, `parser could not start: ${error instanceof Error ? error.message : String(error)}`));
		}
	});
}

function copyToShared(bytes: Uint8Array): Uint8Array {
	const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
	shared.set(bytes);
	return shared;
}

// Below this, a second worker's start-up costs about what it saves.
export const SPLIT_BYTES = 4 * 1024 * 1024;
const MAX_PARTS = 4;

export type OffThreadOptions = {workerUrl?: URL; parts?: number};

/**
 * parseFeed off the main thread, so the UI keeps reacting while a large file is parsed. A large
 * XML feed is cut into one document per core (splitXmlFeed) and the parts are parsed side by
 * side; when the parts cannot be cut or do not add up exactly, the whole is parsed as one.
 */
export async function parseFeedOffThread(
	bytes: Uint8Array,
	source: string,
	options: ParseFeedOptions = {},
	{workerUrl = WORKER_URL, parts = bytes.length >= SPLIT_BYTES ? Math.min(MAX_PARTS, availableParallelism()) : 1}: OffThreadOptions = {},
): Promise<FeedResult> {
	if (!workerFileExists(workerUrl)) return parseFeed(bytes, source, options);
	try {
		const plan = parts > 1 ? planXmlFeedParts(bytes, parts) : undefined;
		if (plan !== undefined) {
			// Every worker copies out its own part of shared memory, off this thread.
			const shared = bytes.buffer instanceof SharedArrayBuffer ? bytes : copyToShared(bytes);
			const results = await Promise.all(plan.map(ranges => parseInWorker(workerUrl, shared, source, {...options, part: true}, ranges)));
			const merged = mergeFeedParts(results, options.maxItems ?? DEFAULT_MAX_ITEMS);
			if (merged !== undefined) return merged;
			return await parseInWorker(workerUrl, shared, source, options);
		}
		return await parseInWorker(workerUrl, bytes, source, options);
	} catch (error) {
		return failure(source, `parser could not start: ${error instanceof Error ? error.message : String(error)}`);
	}
}
