import {BYTES_PER_MB} from '../../core/limits.js';
import {describeFetchError} from './fetch-errors.js';
import {BodyTooLarge, readCappedBody} from './read-body.js';
import {formatSeconds, formatWait, parseContentType, retryAfterTime, statusLine, userAgent} from './response-headers.js';

/** The whole request (connecting, redirects, headers and body) must finish within this. */
export const DEFAULT_TIMEOUT_MS = 20_000;
export const MAX_REDIRECTS = 5;
/** Largest body accepted, counted after decompression. */
export const MAX_RESPONSE_BYTES = 20 * BYTES_PER_MB;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS = new Set([301, 308]);
const RETRY_AFTER_STATUSES = new Set([429, 503]);
// What fetch decompresses; anything else would reach the parser as compressed bytes.
const READABLE_CODINGS = new Set(['identity', 'gzip', 'x-gzip', 'deflate', 'br']);
const ACCEPT =
	'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
// A header value must be Latin-1 text without line breaks, or fetch throws.
const HEADER_VALUE = /^[\t\u0020-\u007E\u0080-\u00FF]{1,1024}$/;

/** What the last good response said, to ask the server whether anything changed since. */
export type Validators = {etag?: string; lastModified?: string};

export type FetchFeedOptions = {
	/** flashnews's version (package.json's), for the User-Agent. */
	version: string;
	/** Where site owners can read about flashnews, for the User-Agent. */
	homepage?: string;
	timeoutMs?: number;
	maxBytes?: number;
	validators?: Validators;
	/** Cancels the request from outside (e.g. the reader quits). */
	signal?: AbortSignal;
	now?: () => number;
};

export type FetchedBytes = {
	status: 'ok';
	bytes: Uint8Array;
	/** Media type of the Content-Type header, lowercased, without parameters. */
	contentType?: string;
	/** The charset parameter of the Content-Type header, as written. */
	charset?: string;
	etag?: string;
	lastModified?: string;
	/** The URL the bytes came from, after redirects. */
	finalUrl: string;
	/** Set when every redirect on the way was permanent (301, 308): the subscription has moved. */
	movedTo?: string;
};
export type NotModified = {status: 'not-modified'; finalUrl: string};
export type FetchFailure = {
	status: 'error';
	/** One line, no stack trace. */
	message: string;
	/** Epoch milliseconds before which the server asked not to be asked again (429/503). */
	retryAfter?: number;
};
export type FetchOutcome = FetchedBytes | NotModified | FetchFailure;

// setTimeout fires at once when given a delay too large for its 32-bit counter.
const MAX_TIMER_MS = 2 ** 31 - 1;

function usableTimeout(timeoutMs: number | undefined): number {
	if (timeoutMs === undefined || !Number.isFinite(timeoutMs) || timeoutMs <= 0) return DEFAULT_TIMEOUT_MS;
	return Math.min(timeoutMs, MAX_TIMER_MS);
}

class TimeoutReached extends Error {
	override name = 'TimeoutReached';
}

function failure(message: string, retryAfter?: number): FetchFailure {
	return retryAfter === undefined ? {status: 'error', message} : {status: 'error', message, retryAfter};
}

function isFetchable(url: URL): boolean {
	return url.protocol === 'http:' || url.protocol === 'https:';
}

function requestHeaders(options: FetchFeedOptions): Headers {
	const headers = new Headers({
		'User-Agent': userAgent(options.version, options.homepage),
		Accept: ACCEPT,
		'Accept-Encoding': 'gzip, deflate, br',
	});
	const {etag, lastModified} = options.validators ?? {};
	if (etag !== undefined && HEADER_VALUE.test(etag)) headers.set('If-None-Match', etag);
	if (lastModified !== undefined && HEADER_VALUE.test(lastModified)) headers.set('If-Modified-Since', lastModified);
	return headers;
}

function withoutFragment(url: URL): URL {
	const copy = new URL(url);
	copy.hash = '';
	return copy;
}

function unreadableCoding(response: Response): string | undefined {
	const header = response.headers.get('content-encoding');
	if (header === null) return undefined;
	return header
		.split(',')
		.map(coding => coding.trim().toLowerCase())
		.find(coding => coding !== '' && !READABLE_CODINGS.has(coding));
}

function declaredLength(response: Response): number | undefined {
	if (response.headers.has('content-encoding')) return undefined;
	const length = Number(response.headers.get('content-length') ?? Number.NaN);
	return Number.isFinite(length) ? length : undefined;
}

function discard(response: Response): void {
	response.body?.cancel().catch(() => {});
}

function tooLargeMessage(maxBytes: number): string {
	return `feed is larger than ${maxBytes / BYTES_PER_MB} MB (download stopped)`;
}

type Request = {
	start: URL;
	/** The URL being fetched now, for error messages. */
	current: URL;
	headers: Headers;
	signal: AbortSignal;
	maxBytes: number;
	conditional: boolean;
	now: () => number;
};

function errorStatus(response: Response, now: number): FetchFailure {
	discard(response);
	const line = `HTTP ${statusLine(response.status, response.statusText)}`;
	if (!RETRY_AFTER_STATUSES.has(response.status)) return failure(line);
	const retryAfter = retryAfterTime(response.headers.get('retry-after'), now);
	return retryAfter === undefined ? failure(line) : failure(`${line} (retry after ${formatWait(retryAfter - now)})`, retryAfter);
}

async function success(response: Response, url: URL, request: Request, movedTo: URL | undefined): Promise<FetchOutcome> {
	const coding = unreadableCoding(response);
	if (coding !== undefined) {
		discard(response);
		return failure(`bad encoding: the response is compressed as ${coding.slice(0, 40)}, which flashnews cannot read`);
	}
	const length = declaredLength(response);
	if (length !== undefined && length > request.maxBytes) {
		discard(response);
		return failure(tooLargeMessage(request.maxBytes));
	}
	const bytes = await readCappedBody(response.body, request.maxBytes);
	const {mediaType, charset} = parseContentType(response.headers.get('content-type'));
	const fetched: FetchedBytes = {status: 'ok', bytes, finalUrl: url.href};
	if (mediaType !== undefined) fetched.contentType = mediaType;
	if (charset !== undefined) fetched.charset = charset;
	const etag = response.headers.get('etag');
	if (etag) fetched.etag = etag;
	const lastModified = response.headers.get('last-modified');
	if (lastModified) fetched.lastModified = lastModified;
	if (movedTo !== undefined) fetched.movedTo = movedTo.href;
	return fetched;
}

// Redirects are followed here rather than by fetch, so that every hop's scheme is checked and a
// loop is named as one.
async function follow(request: Request): Promise<FetchOutcome> {
	let url = request.start;
	let permanent = true;
	const seen = new Set([withoutFragment(url).href]);
	for (let redirects = 0; ; redirects++) {
		const response = await fetch(url, {headers: request.headers, redirect: 'manual', signal: request.signal});
		if (REDIRECT_STATUSES.has(response.status)) {
			discard(response);
			const location = response.headers.get('location');
			if (!location) return failure(`HTTP ${statusLine(response.status, response.statusText)} without a Location to go to`);
			let next: URL;
			try {
				next = new URL(location, url);
			} catch {
				return failure('redirected to an invalid URL');
			}
			if (!isFetchable(next)) return failure(`redirected to a ${next.protocol} URL; only http: and https: are fetched`);
			if (seen.has(withoutFragment(next).href)) return failure(`redirect loop: ${withoutFragment(next).href} redirects back to itself`);
			if (redirects >= MAX_REDIRECTS) return failure(`too many redirects (more than ${MAX_REDIRECTS})`);
			seen.add(withoutFragment(next).href);
			permanent &&= PERMANENT_REDIRECTS.has(response.status);
			url = next;
			request.current = next;
			continue;
		}
		if (response.status === 304) {
			discard(response);
			if (request.conditional) return {status: 'not-modified', finalUrl: url.href};
			return failure('HTTP 304 Not Modified, though nothing was asked conditionally');
		}
		if (response.status < 200 || response.status > 299) return errorStatus(response, request.now());
		return success(response, url, request, permanent && redirects > 0 ? url : undefined);
	}
}

/**
 * GETs a feed's bytes: redirects followed (at most MAX_REDIRECTS, http: and https: only), gzip,
 * deflate and br decompressed, the body capped at `maxBytes` after decompression, and the whole
 * request (connecting included) bounded by `timeoutMs`, after which the connection is destroyed.
 * With validators, a 304 answers 'not-modified'. Never parses, never throws: every failure is
 * `{status: 'error'}` with a one-line message.
 */
export async function fetchFeed(address: string, options: FetchFeedOptions): Promise<FetchOutcome> {
	let start: URL;
	try {
		start = new URL(address);
	} catch {
		return failure('not a valid URL');
	}
	if (!isFetchable(start)) return failure(`only http: and https: URLs are fetched, not ${start.protocol}`);
	if (start.username || start.password) return failure('URLs with a user name or password are not supported');

	const timeoutMs = usableTimeout(options.timeoutMs);
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new TimeoutReached()), timeoutMs);
	const onOuterAbort = () => controller.abort(options.signal?.reason);
	options.signal?.addEventListener('abort', onOuterAbort, {once: true});
	if (options.signal?.aborted) onOuterAbort();
	const request: Request = {
		start,
		current: start,
		headers: new Headers(),
		signal: controller.signal,
		maxBytes: options.maxBytes ?? MAX_RESPONSE_BYTES,
		conditional: options.validators?.etag !== undefined || options.validators?.lastModified !== undefined,
		now: options.now ?? Date.now,
	};
	try {
		request.headers = requestHeaders(options);
		return await follow(request);
	} catch (error) {
		// Aborting is what destroys the connection, whatever went wrong while it was open.
		if (!controller.signal.aborted) controller.abort();
		if (error instanceof BodyTooLarge) return failure(tooLargeMessage(request.maxBytes));
		if (controller.signal.reason instanceof TimeoutReached) return failure(`timed out after ${formatSeconds(timeoutMs)} s`);
		if (options.signal?.aborted) return failure('cancelled');
		return failure(describeFetchError(error, request.current));
	} finally {
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', onOuterAbort);
	}
}
