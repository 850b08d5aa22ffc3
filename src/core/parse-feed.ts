import type {FeedResult} from './articles/article.js';
import {normalizeFeed} from './articles/normalize.js';
import type {RawFeed} from './articles/raw-feed.js';
import {sniffText} from './detect-format.js';
import {FeedError} from './feed-error.js';
import {parseJsonFeed} from './json/parse-json-feed.js';
import {parseJsonText} from './json/parse-json-text.js';
import {decodeFeedBytes} from './text/decode-bytes.js';
import {sanitizeLine} from './text/sanitize.js';
import {parseXmlFeed} from './xml/parse-xml-feed.js';

export type ParseFeedOptions = {
	declaredCharset?: string;
	maxItems?: number;
	/** The bytes are one part of a larger XML feed (see parseXmlFeed). */
	part?: boolean;
};

const BINARY_SAMPLE_LENGTH = 4096;
// Text feeds have next to no control characters; a few stray ones (a NUL included) or replacement
// characters (a wrong byte here and there) are tolerated, more than this share of the sample is
// not text. The repair pass removes what is left of them, wherever in the feed they are.
const BINARY_SHARE = 0.05;
const BINARY_MIN_COUNT = 8;
// Text has no NUL bytes but the odd stray one; binary files are full of them.
const BINARY_NUL_COUNT = 4;
const MAX_ERROR_LENGTH = 300;

function looksBinary(text: string): boolean {
	const sample = text.slice(0, BINARY_SAMPLE_LENGTH);
	if (sample.split('\u0000', BINARY_NUL_COUNT + 1).length > BINARY_NUL_COUNT) return true;
	let suspicious = 0;
	for (let index = 0; index < sample.length; index++) {
		const code = sample.charCodeAt(index);
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0xfffd) suspicious++;
	}
	return suspicious > BINARY_MIN_COUNT && suspicious > sample.length * BINARY_SHARE;
}

function oneLineError(error: unknown): string {
	let message: string;
	if (error instanceof FeedError) message = error.message;
	else if (error instanceof RangeError) message = 'feed is too large to parse';
	else message = `could not parse feed: ${error instanceof Error ? error.message : String(error)}`;
	const line = sanitizeLine(message) || 'could not parse feed';
	return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}

async function parseRaw(text: string, {maxItems, part}: ParseFeedOptions): Promise<RawFeed> {
	switch (sniffText(text)) {
		case 'json': {
			return parseJsonFeed(parseJsonText(text), {maxItems});
		}
		case 'xml': {
			return await parseXmlFeed(text, {maxItems, part});
		}
		case 'html': {
			throw new FeedError('not a feed: looks like an HTML page');
		}
		case 'unknown': {
			throw new FeedError('not a feed: expected RSS, Atom, RDF or JSON');
		}
	}
}

/**
 * Bytes of one source to a FeedResult: decode, detect the format, parse, normalize. Pure (no I/O)
 * and never rejects: anything wrong becomes `{ok: false}` with a one-line error.
 */
export async function parseFeed(bytes: Uint8Array, source: string, options: ParseFeedOptions = {}): Promise<FeedResult> {
	try {
		if (bytes.length === 0) throw new FeedError('file is empty');
		const text = decodeFeedBytes(bytes, options.declaredCharset);
		if (!/[^\s\uFEFF]/.test(text)) throw new FeedError('file is empty');
		if (looksBinary(text)) throw new FeedError('not a feed: binary data');
		const raw = await parseRaw(text, options);
		const {title, articles, warnings} = normalizeFeed(raw, source);
		if (articles.length === 0) warnings.push('no articles');
		return {ok: true, source, title, articles, warnings};
	} catch (error) {
		return {ok: false, source, error: oneLineError(error)};
	}
}
