import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {FeedResult} from './article.js';
import {parseFeed} from './parse-feed.js';
import type {ParseFeedOptions} from './parse-feed.js';
import {sanitizeLine} from './sanitize.js';

// The worker exists as a file only in the esbuild bundle (dist/parse-worker.js, next to the chunk
// this module lands in). Running from TypeScript sources (vitest) there is none: parse in-thread.
const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

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
 * Runs parseFeed in a worker_threads Worker loaded from `workerUrl`. The bytes are transferred: the
 * caller's buffer is detached afterwards. A worker crash becomes `{ok: false}`, never a rejection.
 */
export function parseInWorker(workerUrl: URL, bytes: Uint8Array, source: string, options: ParseFeedOptions = {}): Promise<FeedResult> {
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
			const data = transferable(bytes);
			worker.postMessage({bytes: data, source, options}, [data.buffer]);
		} catch (error) {
			settle(failure(source, `parser could not start: ${error instanceof Error ? error.message : String(error)}`));
		}
	});
}

/** parseFeed off the main thread, so the UI keeps reacting while a large file is parsed. */
export async function parseFeedOffThread(bytes: Uint8Array, source: string, options: ParseFeedOptions = {}): Promise<FeedResult> {
	if (!workerFileExists(WORKER_URL)) return parseFeed(bytes, source, options);
	try {
		return await parseInWorker(WORKER_URL, bytes, source, options);
	} catch (error) {
		return failure(source, `parser could not start: ${error instanceof Error ? error.message : String(error)}`);
	}
}
