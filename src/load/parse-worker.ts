// Worker entry, built as dist/parse-worker.mjs: parses one feed (or one part of one, see
// parse-part.ts) per request and answers with the result. parseFeed never rejects; the catch only guards against
// the unforeseeable, so no exception ever escapes this thread.
import {parentPort} from 'node:worker_threads';
import type {Article, FeedResult} from '../core/articles/article.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {parseFeed} from '../core/parse-feed.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {type PartRequest, parsePart} from './parse-part.js';

export type ParseRequest = {bytes: Uint8Array; source: string; options?: ParseFeedOptions};

export type WorkerRequest =
	| ({kind: 'parse'} & ParseRequest)
	| ({kind: 'part'} & PartRequest)
	/** The next batch of the articles of the result last answered. */
	| {kind: 'next'};

export type WorkerReply =
	/**
	 * The result without its articles, which follow in `batches` answers to `next`. For a part:
	 * whether it is the whole feed's result, this part's, or none at all.
	 */
	{kind: 'result'; result: FeedResult; batches: number; of?: 'whole' | 'part' | 'none'} | {kind: 'articles'; articles: Article[]};

/**
 * Articles sent at once. Receiving a message is decoding it on the receiving thread, all at once;
 * in batches, the main thread takes keys and signals between any two.
 */
export const ARTICLES_PER_BATCH = 2000;

let unsent: Article[] = [];
let sent = 0;

async function parse(request: ParseRequest): Promise<FeedResult> {
	try {
		return await parseFeed(request.bytes, request.source, request.options);
	} catch (error) {
		return {
			ok: false,
			source: String(request.source),
			error: sanitizeLine(`could not parse feed: ${error instanceof Error ? error.message : String(error)}`),
		};
	}
}

const NOTHING: FeedResult = {ok: false, source: '', error: 'nothing to parse'};

async function partOutcome(request: PartRequest) {
	try {
		return await parsePart(request);
	} catch (error) {
		const message = sanitizeLine(`could not parse feed: ${error instanceof Error ? error.message : String(error)}`);
		return {kind: 'part' as const, result: {ok: false as const, source: String(request.source), error: message}};
	}
}

/** Keeps the articles back to be sent in batches. */
function resultReply(result: FeedResult): Extract<WorkerReply, {kind: 'result'}> {
	unsent = result.ok ? result.articles : [];
	sent = 0;
	const batches = Math.ceil(unsent.length / ARTICLES_PER_BATCH);
	return {kind: 'result', result: result.ok ? {...result, articles: []} : result, batches};
}

parentPort?.on('message', async (request: WorkerRequest) => {
	let reply: WorkerReply;
	if (request.kind === 'next') {
		reply = {kind: 'articles', articles: unsent.slice(sent, sent + ARTICLES_PER_BATCH)};
		sent += ARTICLES_PER_BATCH;
	} else if (request.kind === 'part') {
		const outcome = await partOutcome(request);
		reply =
			outcome.kind === 'none'
				? {kind: 'result', result: NOTHING, batches: 0, of: 'none'}
				: {...resultReply(outcome.result), of: outcome.kind};
	} else {
		reply = resultReply(await parse(request));
	}
	parentPort?.postMessage(reply);
});
