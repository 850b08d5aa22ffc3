import type * as WorkerThreads from 'node:worker_threads';
import type {Article, FeedResult} from '../core/articles/article.js';
import {createStringSharer} from '../core/articles/shared-strings.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {lazyBuiltin} from '../shims/lazy-require.js';
import type {PartOutcome, PartRequest} from './parse-part.js';
import type {FileRequest, ParseRequest, WorkerReply, WorkerRequest} from './parse-worker.js';

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

/** How a worker failed: `outOfMemory` when it reached the heap limit it was started with. */
export type WorkerFailure = {message: string; outOfMemory: boolean};

/** V8 heap limits for a worker (see resourceLimits of worker_threads); none when undefined. */
export type HeapLimits = {maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number};

function failureOf(error: Error): WorkerFailure {
	const outOfMemory = 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
	return {message: `parser crashed: ${error.message}`, outOfMemory};
}

/**
 * Starts a worker from `workerUrl` (under `limits`, if any), sends it `request` (its bytes, if it
 * has any, transferred unless they live in a SharedArrayBuffer, which the worker reads in place)
 * and settles with what `answer` makes of the replies; a worker that crashes, exits or cannot
 * start settles with `onFailure`. The promise settles as soon as the answer is complete;
 * `run.gone` follows once the worker has ended.
 * A parse result's articles come in batches, each asked for as soon as the last has arrived: the
 * worker gets the next one ready while this thread takes in the last, and each arrives as a task of
 * its own, with keys and signals handled in between.
 */
function runWorker<T>(
	workerUrl: URL,
	request: WorkerRequest,
	{run, limits}: {run: WorkerRun; limits?: HeapLimits | undefined},
	onFailure: (failure: WorkerFailure) => T,
	answer: (reply: WorkerReply, ask: () => void) => T | undefined,
): Promise<T> {
	return new Promise(resolve => {
		let settled = false;
		const worker = new (workerThreads().Worker)(workerUrl, limits === undefined ? {} : {resourceLimits: limits});
		const settle = (value: T) => {
			if (settled) return;
			settled = true;
			resolve(value);
			worker.terminate().then(run.gone, run.gone);
		};
		const fail = (message: string) => settle(onFailure({message, outOfMemory: false}));
		const ask = () => {
			if (!settled) worker.postMessage({kind: 'next'} satisfies WorkerRequest);
		};
		worker.on('message', (reply: WorkerReply) => {
			const value = answer(reply, ask);
			if (value !== undefined) settle(value);
		});
		worker.on('error', (error: Error) => settle(onFailure(failureOf(error))));
		worker.on('exit', code => fail(`parser stopped unexpectedly (exit code ${code})`));
		try {
			if (request.kind !== 'parse' || request.bytes.buffer instanceof SharedArrayBuffer) {
				worker.postMessage(request);
			} else {
				const bytes = transferable(request.bytes);
				worker.postMessage({...request, bytes}, [bytes.buffer]);
			}
		} catch (error) {
			fail(`parser could not start: ${error instanceof Error ? error.message : String(error)}`);
		}
	});
}

/** Collects a result and the batches of its articles that follow it. */
function collectResult(source: string): (reply: WorkerReply, ask: () => void) => FeedResult | undefined {
	let result: FeedResult | undefined;
	const articles: Article[] = [];
	const share = createStringSharer();
	let batchesLeft = 0;
	return (reply, ask) => {
		if (reply.kind === 'result') {
			result = reply.result;
			batchesLeft = reply.batches;
		} else if (result !== undefined && reply.kind === 'articles') {
			for (const article of reply.articles) {
				share(article);
				articles.push(article);
			}
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
	const fail = ({message}: WorkerFailure) => failure(request.source, message);
	return runWorker(workerUrl, {kind: 'parse', ...request}, {run}, fail, collectResult(request.source));
}

/** A regular file read and parsed whole in a new worker; see runWorker. Never rejects. */
export function parseFileInNewWorker(workerUrl: URL, request: FileRequest, run: WorkerRun): Promise<FeedResult> {
	const fail = ({message}: WorkerFailure) => failure(request.source, message);
	return runWorker(workerUrl, {kind: 'file', ...request}, {run}, fail, collectResult(request.source));
}

/** What one worker of a feed parsed in parts gave: its outcomes, and how it failed, if it did. */
export type PartsAnswer = {outcomes: PartOutcome[]; failure?: WorkerFailure};

/** What to do with the parts a worker hands over: `share` each article, and hear of each part (`onPart`) as it arrives. */
export type PartsReceiver = {share?: (article: Article) => void; onPart?: (outcome: PartOutcome) => void};

/** Collects each part's articles, which come before its outcome, until the worker is done. */
function collectParts(outcomes: PartOutcome[], {share, onPart}: PartsReceiver): (reply: WorkerReply) => PartsAnswer | undefined {
	let articles: Article[] = [];
	return reply => {
		if (reply.kind === 'articles') {
			for (const article of reply.articles) {
				share?.(article);
				articles.push(article);
			}
			return undefined;
		}
		if (reply.kind === 'part') {
			const {outcome} = reply;
			const complete = outcome.kind === 'part' && outcome.result.ok ? {...outcome, result: {...outcome.result, articles}} : outcome;
			outcomes.push(complete);
			articles = [];
			onPart?.(complete);
			return undefined;
		}
		if (reply.kind === 'done') return {outcomes};
		return {outcomes, failure: {message: 'parser answered out of turn', outOfMemory: false}};
	};
}

/**
 * Parts of a feed in a new worker (see parse-part.ts), each as it is parsed, under `limits`; never
 * rejects. A worker that fails keeps the parts it handed over.
 */
export function parsePartsInNewWorker(
	workerUrl: URL,
	request: PartRequest,
	run: WorkerRun,
	{limits, share = createStringSharer(), onPart}: {limits?: HeapLimits | undefined} & PartsReceiver = {},
): Promise<PartsAnswer> {
	const outcomes: PartOutcome[] = [];
	const fail = (failure: WorkerFailure): PartsAnswer => ({outcomes, failure});
	return runWorker(workerUrl, {kind: 'part', ...request}, {run, limits}, fail, collectParts(outcomes, {share, onPart}));
}
