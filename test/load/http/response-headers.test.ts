import {describe, expect, it} from 'vitest';
import {describeFetchError} from '../../../src/load/http/fetch-errors.js';
import {formatWait, MAX_RETRY_AFTER_MS, parseContentType, retryAfterTime, userAgent} from '../../../src/load/http/response-headers.js';

const NOW = Date.UTC(2030, 5, 1, 12, 0, 0);

describe('parseContentType', () => {
	it('splits the media type from a charset, quoted or not', () => {
		expect(parseContentType('Application/RSS+XML; charset="windows-1251"')).toEqual({
			mediaType: 'application/rss+xml',
			charset: 'windows-1251',
		});
		expect(parseContentType('text/xml;charset=koi8-r; q=1')).toEqual({mediaType: 'text/xml', charset: 'koi8-r'});
		expect(parseContentType('application/xml')).toEqual({mediaType: 'application/xml'});
		expect(parseContentType(null)).toEqual({});
	});
});

describe('retryAfterTime', () => {
	it('reads a delay in seconds or an HTTP date', () => {
		expect(retryAfterTime('30', NOW)).toBe(NOW + 30_000);
		expect(retryAfterTime('Sat, 01 Jun 2030 12:05:00 GMT', NOW)).toBe(NOW + 300_000);
	});

	it('never waits for a time already past, nor more than a day', () => {
		expect(retryAfterTime('Wed, 01 Jan 2020 00:00:00 GMT', NOW)).toBe(NOW);
		expect(retryAfterTime('99999999', NOW)).toBe(NOW + MAX_RETRY_AFTER_MS);
	});

	it('ignores a header it cannot read', () => {
		expect(retryAfterTime('soon', NOW)).toBeUndefined();
		expect(retryAfterTime('-5', NOW)).toBeUndefined();
		expect(retryAfterTime('', NOW)).toBeUndefined();
		expect(retryAfterTime(null, NOW)).toBeUndefined();
	});
});

describe('messages', () => {
	it('words waits in the unit a person would use', () => {
		expect(formatWait(45_000)).toBe('45 s');
		expect(formatWait(600_000)).toBe('10 min');
		expect(formatWait(5 * 3_600_000)).toBe('5 h');
	});

	it('names flashnews, its version and its homepage in the User-Agent', () => {
		expect(userAgent('2.0.1', 'https://flashnews.example/')).toBe('flashnews/2.0.1 (+https://flashnews.example/)');
		expect(userAgent('2.0.1')).toBe('flashnews/2.0.1');
	});

	it('says in one line what went wrong under a failed fetch', () => {
		const url = new URL('https://news.example:8443/feed');
		const failed = (code: string, message = 'boom') => ({message: 'fetch failed', cause: {code, message}});
		expect(describeFetchError(failed('EAI_AGAIN'), url)).toBe('could not resolve host news.example');
		expect(describeFetchError(failed('ECONNREFUSED'), url)).toBe('connection refused by news.example:8443');
		expect(
			describeFetchError(
				failed('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error (attempted address: news.example:8443, timeout: 10000ms)'),
				url,
			),
		).toBe('timed out after 10 s connecting to news.example');
		expect(describeFetchError(failed('CERT_HAS_EXPIRED'), url)).toBe('the TLS certificate of news.example has expired');
		expect(describeFetchError(failed('ERR_TLS_CERT_ALTNAME_INVALID'), url)).toBe('the TLS certificate is not for news.example');
		expect(describeFetchError(failed('HPE_INVALID_CONSTANT'), url)).toBe('news.example sent a malformed HTTP response');
		expect(describeFetchError(new Error('strange\nthing\u001b[31m happened'), url)).toBe('could not fetch: strange thing happened');
	});
});
