// Worker entry, built as dist/parse-worker.js: parses one feed per message and posts the
// FeedResult back. parseFeed never rejects; the catch only guards against the unforeseeable, so
// no exception ever escapes this thread.
import {parentPort} from 'node:worker_threads';
import type {FeedResult} from './article.js';
import {parseFeed} from './parse-feed.js';
import type {ParseFeedOptions} from './parse-feed.js';
import {sanitizeLine} from './sanitize.js';

export type ParseRequest = {bytes: Uint8Array; source: string; options?: ParseFeedOptions};

parentPort?.on('message', async (request: ParseRequest) => {
	let result: FeedResult;
	try {
		result = await parseFeed(request.bytes, request.source, request.options);
	} catch (error) {
		result = {ok: false, source: String(request.source), error: sanitizeLine(`could not parse feed: ${error instanceof Error ? error.message : String(error)}`)};
	}
	parentPort?.postMessage(result);
});
