import type {FeedResult} from '../../core/articles/article.js';
import {parseFeed} from '../../core/parse-feed.js';
import {decodeFeedBytes} from '../../core/text/decode-bytes.js';
import {type FeedLink, findFeedLinks, isWebPage, webPageMessage} from '../../core/web/feed-discovery.js';
import {parseFeedOffThread} from '../parse-off-thread.js';
import {OFF_THREAD_BYTES} from '../worker-plan.js';
import {type FetchFailure, type FetchFeedOptions, fetchFeed} from './fetch-feed.js';
import type {FetchLimiter} from './fetch-limiter.js';

export type RemoteFeedOptions = FetchFeedOptions & {
	/** How the feed is named in results (defaults to the URL). */
	label?: string;
	/** Shared by every feed of one refresh, so at most so many are fetched at once. */
	limiter?: FetchLimiter;
	maxItems?: number;
};

/** What to keep beside the cached copy of a feed that was fetched and parsed. */
export type FetchedCopy = {
	etag?: string;
	lastModified?: string;
	finalUrl: string;
	/** Every redirect was permanent: the subscription could move here. */
	movedTo?: string;
	fetchedAt: number;
};

export type RemoteFeed =
	/** New articles: store the result and its validators. */
	| {fetched: FetchedCopy; result: Extract<FeedResult, {ok: true}>}
	/** Unchanged since the validators given: keep showing the cached copy. */
	| {fetched: 'not-modified'}
	/** Nothing usable (fetch failed, or what came was no feed): keep the cache, show the error. */
	| ({fetched: FetchFailure; result: Extract<FeedResult, {ok: false}>} & FailureDetail);

type FailureDetail = {feedLinks?: FeedLink[]; unreadable?: true};

function failed(label: string, failure: FetchFailure, detail: FailureDetail = {}): RemoteFeed {
	return {fetched: failure, result: {ok: false, source: label, error: failure.message}, ...detail};
}

function webPage(bytes: Uint8Array, charset: string | undefined, contentType: string | undefined, pageUrl: string): FeedLink[] | undefined {
	try {
		const text = decodeFeedBytes(bytes, charset);
		return isWebPage(text, contentType) ? findFeedLinks(text, pageUrl) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Fetches one feed (under `limiter` when given) and parses it, the Content-Type charset passed to
 * the decoder. A web page instead of a feed fails with a message naming the feed it links to.
 * Never rejects.
 */
export async function fetchFeedSource(url: string, options: RemoteFeedOptions): Promise<RemoteFeed> {
	const label = options.label ?? url;
	const now = options.now ?? Date.now;
	const fetching = () => fetchFeed(url, options);
	const outcome = await (options.limiter === undefined ? fetching() : options.limiter.run(url, fetching));
	if (outcome.status === 'not-modified') return {fetched: 'not-modified'};
	if (outcome.status === 'error') return failed(label, outcome);

	const {bytes, charset, contentType, finalUrl} = outcome;
	if (bytes.length === 0) return failed(label, {status: 'error', message: 'the server sent an empty response'}, {unreadable: true});
	const parseOptions = {
		...(charset === undefined ? {} : {declaredCharset: charset}),
		...(options.maxItems === undefined ? {} : {maxItems: options.maxItems}),
	};
	const result =
		bytes.length > OFF_THREAD_BYTES ? await parseFeedOffThread(bytes, label, parseOptions) : await parseFeed(bytes, label, parseOptions);
	if (!result.ok) {
		const links = result.error.startsWith('not a feed') ? webPage(bytes, charset, contentType, finalUrl) : undefined;
		if (links === undefined) return failed(label, {status: 'error', message: result.error}, {unreadable: true});
		return failed(label, {status: 'error', message: webPageMessage(links)}, {feedLinks: links, unreadable: true});
	}
	const fetched: FetchedCopy = {finalUrl, fetchedAt: now()};
	if (outcome.etag !== undefined) fetched.etag = outcome.etag;
	if (outcome.lastModified !== undefined) fetched.lastModified = outcome.lastModified;
	if (outcome.movedTo !== undefined) fetched.movedTo = outcome.movedTo;
	return {fetched, result};
}
