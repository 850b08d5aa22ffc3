import type * as WorkerThreads from 'node:worker_threads';
import type {Article, FeedResult} from '../core/articles/article.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {lazyBuiltin} from '../shims/lazy-require.js';
import type {PartRequest} from './parse-part.js';
import type {ParseRequest, WorkerReply, WorkerRequest} from './parse-worker.js';

const workerThreads = lazyBuiltin<typeof WorkerThreads>('node:worker_threads');

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

/** How one worker's run ends: `gone` is called once the worker (and the memory it holds) is gone. */
export type WorkerRun = {gone: () => void};

/**
 * Starts a worker from `workerUrl`, sends it `request` (its bytes transferred unless they live in a
 * SharedArrayBuffer, which the worker reads in place) and settles with what `answer` makes of the
 * replies; a worker that crashes, exits or cannot start settles with `onFailure(message)`. The
 * promise settles as soon as the answer is complete; `run.gone` follows once the worker has ended.
 * A parse result's articles come in batches, each asked for as soon as the last has arrived: the
 * worker gets the next one ready while this thread takes in the last, and each arrives as a task of
 * its own, with keys and signals handled in between.
 */
function runWorker<T>(
	workerUrl: URL,
	request: WorkerRequest & {bytes: Uint8Array},
	run: WorkerRun,
	onFailure: (message: string) => T,
	answer: (reply: WorkerReply, ask: () => void) => T | undefined,
): Promise<T> {
	return new Promise(resolve => {
		let settled = false;
		const worker = new (workerThreads().Worker)(workerUrl);
		const settle = (value: T) => {
			if (settled) return;
			settled = true;
			resolve(value);
			worker.terminate().then(run.gone, run.gone);
		};
		const ask = () => {
			if (!settled) worker.postMessage({kind: 'next'} satisfies WorkerRequest);
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

/** Collects a result and the batches of its articles that follow it. */
function collectResult(source: string): (reply: WorkerReply, ask: () => void) => FeedResult | undefined {
	let result: FeedResult | undefined;
	const articles: Article[] = [];
	let batchesLeft = 0;
	return (reply, ask) => {
		if (reply.kind === 'result') {
			result = reply.result;
			batchesLeft = reply.batches;
		} else if (result !== undefined && reply.kind === 'articles') {
			for (const article of reply.articles) articles.push(article);
			batchesLeft--;
		} else {
			return failure(source, 'parser answered out of turn');
		}
		if (batchesLeft > 0) {
			ask();
			return undefined;
		}
		return result.ok ? {...result, articles} : result;
	};
}

/** parseFeed in a new worker; see runWorker. Never rejects. */
export function parseInNewWorker(workerUrl: URL, request: ParseRequest, run: WorkerRun): Promise<FeedResult> {
	const fail = (message: string) => failure(request.source, message);
	return runWorker(workerUrl, {kind: 'parse', ...request}, run, fail, collectResult(request.source));
}

/** One part's result, or the whole feed's (`whole`: it could not be cut, or its worker failed). */
export type PartAnswer = {part: number; of: 'whole' | 'part'; result: FeedResult};

/** Collects each part's articles, which come before its result, until the worker is done. */
function collectParts(source: string): (reply: WorkerReply) => PartAnswer[] | undefined {
	const answers: PartAnswer[] = [];
	let articles: Article[] = [];
	return reply => {
		if (reply.kind === 'articles') {
			for (const article of reply.articles) articles.push(article);
			return undefined;
		}
		if (reply.kind === 'part') {
			answers.push({part: reply.part, of: reply.of, result: reply.result.ok ? {...reply.result, articles} : reply.result});
			articles = [];
			return undefined;
		}
		if (reply.kind === 'done') return answers;
		return [{part: 0, of: 'whole', result: failure(source, 'parser answered out of turn')}];
	};
}

/** Parts of a feed in a new worker (see parse-part.ts), each as it is parsed; never rejects. */
export function parsePartsInNewWorker(workerUrl: URL, request: PartRequest, run: WorkerRun): Promise<PartAnswer[]> {
	const fail = (message: string): PartAnswer[] => [{part: 0, of: 'whole', result: failure(request.source, message)}];
	return runWorker(workerUrl, {kind: 'part', ...request}, run, fail, collectParts(request.source));
}
