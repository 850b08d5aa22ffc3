// Worker entry, built as dist/parse-worker.mjs: parses one feed (or one part of one, see
// parse-part.ts) per request and answers with the result. parseFeed never rejects; the catch only guards against
// the unforeseeable, so no exception ever escapes this thread.
import {parentPort} from 'node:worker_threads';
import type {Article, FeedResult} from '../core/articles/article.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {parseFeed} from '../core/parse-feed.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {readWholeFile} from './feed-file.js';
import {type PartOutcome, type PartRequest, parseParts} from './parse-part.js';
import {readErrorMessage} from './read-file.js';

export type ParseRequest = {bytes: Uint8Array; source: string; options?: ParseFeedOptions};
/** A regular file, read whole (up to `size` bytes) and parsed whole. */
export type FileRequest = {path: string; size: number; source: string; options?: ParseFeedOptions};

export type WorkerRequest =
	| ({kind: 'parse'} & ParseRequest)
	| ({kind: 'file'} & FileRequest)
	| ({kind: 'part'} & PartRequest)
	/** The next batch of the articles of the result last answered. */
	| {kind: 'next'};

export type WorkerReply =
	/** The result without its articles, which follow in `batches` answers to `next`. */
	| {kind: 'result'; result: FeedResult; batches: number}
	| {kind: 'articles'; articles: Article[]}
	/** A part's outcome, a result without its articles, which came just before it. */
	| {kind: 'part'; outcome: PartOutcome}
	/** Every part of this worker's has been sent. */
	| {kind: 'done'};

/**
 * Articles sent at once. Receiving a message is decoding it on the receiving thread, all at once;
 * in batches, the main thread takes keys and signals between any two.
 */
export const ARTICLES_PER_BATCH = 2000;

let unsent: Article[] = [];
let sent = 0;

async function parse(request: ParseRequest | FileRequest): Promise<FeedResult> {
	let bytes: Uint8Array;
	if ('bytes' in request) {
		bytes = request.bytes;
	} else {
		try {
			bytes = readWholeFile(request.path, request.size);
		} catch (error) {
			return {ok: false, source: String(request.source), error: readErrorMessage(error)};
		}
	}
	try {
		return await parseFeed(bytes, request.source, request.options);
	} catch (error) {
		return {
			ok: false,
			source: String(request.source),
			error: sanitizeLine(`could not parse feed: ${error instanceof Error ? error.message : String(error)}`),
		};
	}
}

function post(reply: WorkerReply): void {
	parentPort?.postMessage(reply);
}

/** Each part as soon as it is parsed: its articles in batches, then its result, then the next part. */
async function sendParts(request: PartRequest): Promise<void> {
	try {
		for await (const outcome of parseParts(request)) {
			if (outcome.kind === 'uncut') {
				post({kind: 'part', outcome});
				continue;
			}
			const {result} = outcome;
			if (result.ok) {
				for (let at = 0; at < result.articles.length; at += ARTICLES_PER_BATCH) {
					post({kind: 'articles', articles: result.articles.slice(at, at + ARTICLES_PER_BATCH)});
				}
			}
			post({kind: 'part', outcome: {...outcome, result: result.ok ? {...result, articles: []} : result}});
		}
	} catch (error) {
		const message = sanitizeLine(`could not parse feed: ${error instanceof Error ? error.message : String(error)}`);
		post({kind: 'part', outcome: {kind: 'whole', result: {ok: false, source: String(request.source), error: message}}});
	}
	post({kind: 'done'});
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
		await sendParts(request);
		return;
	} else {
		reply = resultReply(await parse(request));
	}
	parentPort?.postMessage(reply);
});
