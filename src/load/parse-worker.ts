// Worker entry, built as dist/parse-worker.mjs: parses one feed (or plans how to cut one into parts)
// per request and answers with the result. parseFeed never rejects; the catch only guards against
// the unforeseeable, so no exception ever escapes this thread.
import {parentPort} from 'node:worker_threads';
import type {Article, FeedResult} from '../core/articles/article.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {parseFeed} from '../core/parse-feed.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {joinRanges, type PartRanges, planXmlFeedParts} from '../core/xml/split-xml-feed.js';

/** `ranges`: parse only this part of `bytes` (then shared with other workers, see parse-off-thread.ts). */
export type ParseRequest = {bytes: Uint8Array; source: string; options?: ParseFeedOptions; ranges?: PartRanges};

export type WorkerRequest =
	| ({kind: 'parse'} & ParseRequest)
	| {kind: 'plan'; bytes: Uint8Array; parts: number}
	/** The next batch of the articles of the result last answered. */
	| {kind: 'next'};

export type WorkerReply =
	/** The result without its articles, which follow in `batches` answers to `next`. */
	| {kind: 'result'; result: FeedResult; batches: number}
	| {kind: 'articles'; articles: Article[]}
	| {kind: 'plan'; plan: PartRanges[] | undefined};

/**
 * Articles sent at once. Receiving a message is decoding it on the receiving thread, all at once;
 * in batches, the main thread takes keys and signals between any two.
 */
export const ARTICLES_PER_BATCH = 2000;

let unsent: Article[] = [];
let sent = 0;

async function parse(request: ParseRequest): Promise<FeedResult> {
	try {
		// Shared memory is only read, here and by other workers; a part is copied out to be whole.
		const bytes = request.ranges === undefined ? request.bytes : joinRanges(request.bytes, request.ranges);
		return await parseFeed(bytes, request.source, request.options);
	} catch (error) {
		return {
			ok: false,
			source: String(request.source),
			error: sanitizeLine(`could not parse feed: ${error instanceof Error ? error.message : String(error)}`),
		};
	}
}

function plan(bytes: Uint8Array, parts: number): PartRanges[] | undefined {
	try {
		return planXmlFeedParts(bytes, parts);
	} catch {
		return undefined;
	}
}

parentPort?.on('message', async (request: WorkerRequest) => {
	let reply: WorkerReply;
	if (request.kind === 'plan') {
		reply = {kind: 'plan', plan: plan(request.bytes, request.parts)};
	} else if (request.kind === 'next') {
		reply = {kind: 'articles', articles: unsent.slice(sent, sent + ARTICLES_PER_BATCH)};
		sent += ARTICLES_PER_BATCH;
	} else {
		const result = await parse(request);
		unsent = result.ok ? result.articles : [];
		sent = 0;
		const batches = Math.ceil(unsent.length / ARTICLES_PER_BATCH);
		reply = {kind: 'result', result: result.ok ? {...result, articles: []} : result, batches};
	}
	parentPort?.postMessage(reply);
});
