// Worker entry, built as dist/parse-worker.mjs: parses one feed per message and posts the
// FeedResult back. parseFeed never rejects; the catch only guards against the unforeseeable, so
// no exception ever escapes this thread.
import {parentPort} from 'node:worker_threads';
import type {FeedResult} from '../core/articles/article.js';
import {parseFeed} from '../core/parse-feed.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {joinRanges, type PartRanges} from '../core/xml/split-xml-feed.js';

/** `ranges`: parse only this part of `bytes` (then shared with other workers, see parse-off-thread.ts). */
export type ParseRequest = {bytes: Uint8Array; source: string; options?: ParseFeedOptions; ranges?: PartRanges};

parentPort?.on('message', async (request: ParseRequest) => {
	let result: FeedResult;
	try {
		// Shared memory is only read, here and by other workers; a part is copied out to be whole.
		const bytes = request.ranges === undefined ? request.bytes : joinRanges(request.bytes, request.ranges);
		result = await parseFeed(bytes, request.source, request.options);
	} catch (error) {
		result = {ok: false, source: String(request.source), error: sanitizeLine(`could not parse feed: ${error instanceof Error ? error.message : String(error)}`)};
	}
	parentPort?.postMessage(result);
});
