import type * as Http from 'node:http';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {lazyBuiltin} from '../../shims/lazy-require.js';

const http = lazyBuiltin<typeof Http>('node:http');

/** The longest wait a Retry-After may impose: a server asking for more is taken to mean a day. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const CHARSET_PARAMETER = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s"]*))/i;
const DIGITS = /^\d{1,12}$/;
// HTTP dates name a month or weekday; Date.parse alone would read "1" as the year 2001.
const HAS_LETTERS = /[A-Za-z]{3}/;

export type ContentType = {mediaType?: string; charset?: string};

/** The media type (lowercased) and charset parameter of a Content-Type header. */
export function parseContentType(header: string | null): ContentType {
	if (header === null) return {};
	const result: ContentType = {};
	const mediaType = header.split(';', 1)[0]!.trim().toLowerCase();
	if (mediaType) result.mediaType = mediaType;
	const match = CHARSET_PARAMETER.exec(header);
	const charset = (match?.[1] ?? match?.[2])?.trim();
	if (charset) result.charset = charset;
	return result;
}

/**
 * When a Retry-After header (delay in seconds, or an HTTP date) allows the next request, in epoch
 * milliseconds: never before `now`, never more than MAX_RETRY_AFTER_MS after it. Undefined when
 * the header is missing or unreadable.
 */
export function retryAfterTime(header: string | null, now: number): number | undefined {
	const value = header?.trim();
	if (!value) return undefined;
	if (DIGITS.test(value)) return now + Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
	if (!HAS_LETTERS.test(value)) return undefined;
	const date = Date.parse(value);
	if (!Number.isFinite(date)) return undefined;
	return Math.min(Math.max(date, now), now + MAX_RETRY_AFTER_MS);
}

/** "404 Not Found": the standard reason for the code, else the server's own (made safe). */
export function statusLine(status: number, statusText: string): string {
	const reason = http().STATUS_CODES[status] ?? sanitizeLine(statusText).slice(0, 80);
	return reason ? `${status} ${reason}` : String(status);
}

/** "20", "0.25": a duration for messages, in seconds. */
export function formatSeconds(ms: number): string {
	return String(Number((ms / 1000).toFixed(2)));
}

/** "45 s", "3 min", "2 h": how long a wait is, for messages. */
export function formatWait(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.ceil(seconds / 60);
	if (minutes < 120) return `${minutes} min`;
	return `${Math.ceil(minutes / 60)} h`;
}

/** `flashnews/<version> (+<homepage>)`: who is asking, so site owners can tell and reach us. */
export function userAgent(version: string, homepage?: string): string {
	const product = `flashnews/${sanitizeLine(version) || 'unknown'}`;
	const home = homepage === undefined ? '' : sanitizeLine(homepage);
	return home ? `${product} (+${home})` : product;
}
