import {Worker} from 'node:worker_threads';
import type {Article, FeedResult} from '../core/articles/article.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import type {PartRanges} from '../core/xml/split-xml-feed.js';
import type {ParseRequest, WorkerReply, WorkerRequest} from './parse-worker.js';

// One request to a fresh parse worker (src/load/parse-worker.ts), from start to its end.

export function failure(source: string, message: string): FeedResult {
	return {ok: false, source, error: sanitizeLine(message) || 'parser failed'};
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

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * Starts a worker from `workerUrl`, sends it `request` (its bytes transferred unless they live in a
 * SharedArrayBuffer, which the worker reads in place) and settles with what `answer` makes of the
 * replies; a worker that crashes, exits or cannot start settles with `onFailure(message)`. The
 * promise settles only once the worker is gone. A parse result's articles come in batches, each
 * asked for on a later turn of the event loop than the last arrived.
 */
function runWorker<T>(
	workerUrl: URL,
	request: WorkerRequest & {bytes: Uint8Array},
	onFailure: (message: string) => T,
	answer: (reply: WorkerReply, ask: () => void) => T | undefined,
): Promise<T> {
	return new Promise(resolve => {
		let settled = false;
		const worker = new Worker(workerUrl);
		const settle = (value: T) => {
			if (settled) return;
			settled = true;
			// The caller's slot is free only once the worker (and the memory it holds) is gone.
			worker.terminate().then(
				() => resolve(value),
				() => resolve(value),
			);
		};
		const ask = () => {
			void nextTurn().then(() => {
				if (!settled) worker.postMessage({kind: 'next'} satisfies WorkerRequest);
			});
		};
		worker.on('message', (reply: WorkerReply) => {
			const value = answer(reply, ask);
			if (value !== undefined) settle(value);
		});
		worker.on('error', (error: Error) => settle(onFailure(`parser crashed: ${error.message}`)));
		worker.on('exit', code => settle(onFailure(`parser stopped unexpectedly (exit code ${code})`)));
		try {
			if (request.bytes.buffer instanceof SharedArrayBuffer) {
				worker.postMessage(request);
			} else {
				const bytes = transferable(request.bytes);
				worker.postMessage({...request, bytes}, [bytes.buffer]);
			}
		} catch (error) {
			settle(onFailure(`parser could not start: ${error instanceof Error ? error.message : String(error)}`));
		}
	});
}

/** parseFeed in a new worker; see runWorker. Never rejects. */
export function parseInNewWorker(workerUrl: URL, request: ParseRequest): Promise<FeedResult> {
	let result: FeedResult | undefined;
	const articles: Article[] = [];
	let batchesLeft = 0;
	return runWorker<FeedResult>(
		workerUrl,
		{kind: 'parse', ...request},
		message => failure(request.source, message),
		(reply, ask) => {
			if (reply.kind === 'result') {
				result = reply.result;
				batchesLeft = reply.batches;
			} else if (reply.kind === 'articles') {
				for (const article of reply.articles) articles.push(article);
				batchesLeft--;
			} else {
				return failure(request.source, 'parser answered something else');
			}
			if (batchesLeft > 0) {
				ask();
				return undefined;
			}
			return result?.ok ? {...result, articles} : result;
		},
	);
}

/** planXmlFeedParts in a new worker: where a large XML feed can be cut (undefined if nowhere). */
export function planInNewWorker(workerUrl: URL, bytes: Uint8Array, parts: number): Promise<PartRanges[] | undefined> {
	return runWorker<PartRanges[] | undefined>(
		workerUrl,
		{kind: 'plan', bytes, parts},
		() => undefined,
		reply => (reply.kind === 'plan' ? (reply.plan ?? []) : []),
	).then(plan => (plan === undefined || plan.length === 0 ? undefined : plan));
}
