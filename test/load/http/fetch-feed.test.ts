import {once} from 'node:events';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {brotliCompressSync, deflateSync, gzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {type FetchFeedOptions, type FetchOutcome, fetchFeed, MAX_REDIRECTS} from '../../../src/load/http/fetch-feed.js';
import {type FeedServer, rssFeed, startFeedServer} from './feed-server.js';

const FEED = rssFeed('Served', ['One', 'Two']);
const ETAG = '"v1-abc"';
const LAST_MODIFIED = 'Tue, 02 Jan 2024 03:04:05 GMT';
const options: FetchFeedOptions = {version: '1.2.3', homepage: 'https://flashnews.example/'};
let server: FeedServer;

function redirect(status: number, location: string) {
	return (_request: unknown, response: import('node:http').ServerResponse) => {
		response.writeHead(status, {Location: location});
		response.end();
	};
}

beforeAll(async () => {
	const chain: Record<string, ReturnType<typeof redirect>> = {};
	for (let hop = 0; hop < MAX_REDIRECTS + 1; hop++) chain[`/chain/${hop}`] = redirect(302, `/chain/${hop + 1}`);
	chain[`/chain/${MAX_REDIRECTS + 1}`] = (_request, response) => response.end(FEED);

	server = await startFeedServer({
		...chain,
		'/feed.xml': (_request, response) => {
			response.writeHead(200, {'Content-Type': 'application/rss+xml; charset="UTF-8"', ETag: ETAG, 'Last-Modified': LAST_MODIFIED});
			response.end(FEED);
		},
		'/etag.xml': (request, response) => {
			if (request.headers['if-none-match'] === ETAG) response.writeHead(304, {ETag: ETAG}).end();
			else response.writeHead(200, {ETag: ETAG}).end(FEED);
		},
		'/last-modified.xml': (request, response) => {
			if (request.headers['if-modified-since'] === LAST_MODIFIED) response.writeHead(304).end();
			else response.writeHead(200, {'Last-Modified': LAST_MODIFIED}).end(FEED);
		},
		'/moved': redirect(301, '/moved-again'),
		'/moved-again': redirect(308, '/feed.xml'),
		'/found': redirect(302, '/feed.xml'),
		'/loop-a': redirect(302, '/loop-b'),
		'/loop-b': redirect(307, '/loop-a#again'),
		'/to-ftp': redirect(302, 'ftp://127.0.0.1/feed.xml'),
		'/gzip.xml': (_request, response) => response.writeHead(200, {'Content-Encoding': 'gzip'}).end(gzipSync(FEED)),
		'/br.xml': (_request, response) => response.writeHead(200, {'Content-Encoding': 'br'}).end(brotliCompressSync(FEED)),
		'/deflate.xml': (_request, response) => response.writeHead(200, {'Content-Encoding': 'deflate'}).end(deflateSync(FEED)),
		'/corrupt-gzip.xml': (_request, response) => response.writeHead(200, {'Content-Encoding': 'gzip'}).end('this is not gzip data'),
		'/zstd.xml': (_request, response) => response.writeHead(200, {'Content-Encoding': 'zstd'}).end('(zstd frames)'),
		'/never-answers': () => {},
		'/stalls-mid-body': (_request, response) => {
			response.writeHead(200, {'Content-Type': 'application/rss+xml'});
			response.write(FEED.slice(0, 40));
		},
		'/gone': (_request, response) => response.writeHead(404, {'Content-Type': 'text/plain'}).end('not here'),
		'/busy': (_request, response) => response.writeHead(429, {'Retry-After': '120'}).end(),
		'/busy-no-time': (_request, response) => response.writeHead(429).end(),
		'/down': (_request, response) => response.writeHead(503, {'Retry-After': 'Wed, 01 Jan 2031 00:10:00 GMT'}).end(),
	});
});

afterAll(async () => {
	await server.close();
});

function expectError(outcome: FetchOutcome): string {
	if (outcome.status !== 'error') throw new Error(`expected an error, got ${outcome.status}`);
	expect(outcome.message).not.toContain('\n');
	return outcome.message;
}

function expectBytes(outcome: FetchOutcome): string {
	if (outcome.status !== 'ok') throw new Error(`expected bytes, got ${JSON.stringify(outcome)}`);
	return Buffer.from(outcome.bytes).toString('utf8');
}

describe('fetchFeed', () => {
	it('returns the bytes of a feed with its content type, charset and validators', async () => {
		const outcome = await fetchFeed(server.url('/feed.xml'), options);
		expect(expectBytes(outcome)).toBe(FEED);
		expect(outcome).toMatchObject({
			contentType: 'application/rss+xml',
			charset: 'UTF-8',
			etag: ETAG,
			lastModified: LAST_MODIFIED,
			finalUrl: server.url('/feed.xml'),
		});
	});

	it('names flashnews and its version in the User-Agent and accepts compressed responses', async () => {
		await fetchFeed(server.url('/feed.xml'), options);
		const headers = server.requests.at(-1)!.headers;
		expect(headers['user-agent']).toBe('flashnews/1.2.3 (+https://flashnews.example/)');
		expect(headers['accept-encoding']).toBe('gzip, deflate, br');
		expect(headers['if-none-match']).toBeUndefined();
	});

	it('answers not-modified when the server says the ETag still holds', async () => {
		const first = await fetchFeed(server.url('/etag.xml'), options);
		expect(first).toMatchObject({status: 'ok', etag: ETAG});
		const second = await fetchFeed(server.url('/etag.xml'), {...options, validators: {etag: ETAG}});
		expect(second).toEqual({status: 'not-modified', finalUrl: server.url('/etag.xml')});
		expect(server.requests.at(-1)!.headers['if-none-match']).toBe(ETAG);
	});

	it('answers not-modified when the server says nothing changed since Last-Modified', async () => {
		const first = await fetchFeed(server.url('/last-modified.xml'), options);
		expect(first).toMatchObject({status: 'ok', lastModified: LAST_MODIFIED});
		const second = await fetchFeed(server.url('/last-modified.xml'), {...options, validators: {lastModified: LAST_MODIFIED}});
		expect(second.status).toBe('not-modified');
		expect(server.requests.at(-1)!.headers['if-modified-since']).toBe(LAST_MODIFIED);
	});

	it('follows up to five redirects and reports where the feed was found', async () => {
		const fivehops = await fetchFeed(server.url('/chain/1'), options);
		expect(expectBytes(fivehops)).toBe(FEED);
		expect(fivehops).toMatchObject({finalUrl: server.url(`/chain/${MAX_REDIRECTS + 1}`)});
		expect(fivehops).not.toHaveProperty('movedTo');
	});

	it('refuses a sixth redirect', async () => {
		expect(expectError(await fetchFeed(server.url('/chain/0'), options))).toBe('too many redirects (more than 5)');
	});

	it('tells a feed that moved for good from one that is only redirected for now', async () => {
		expect(await fetchFeed(server.url('/moved'), options)).toMatchObject({status: 'ok', movedTo: server.url('/feed.xml')});
		expect(await fetchFeed(server.url('/found'), options)).not.toHaveProperty('movedTo');
	});

	it('names a redirect loop as one', async () => {
		expect(expectError(await fetchFeed(server.url('/loop-a'), options))).toBe(
			`redirect loop: ${server.url('/loop-a')} redirects back to itself`,
		);
	});

	it('fetches only http: and https:, also after a redirect', async () => {
		expect(expectError(await fetchFeed(server.url('/to-ftp'), options))).toBe(
			'redirected to a ftp: URL; only http: and https: are fetched',
		);
		expect(expectError(await fetchFeed('ftp://127.0.0.1/feed.xml', options))).toBe('only http: and https: URLs are fetched, not ftp:');
		expect(expectError(await fetchFeed('not a url', options))).toBe('not a valid URL');
	});

	it.each(['gzip', 'br', 'deflate'])('decompresses a response compressed with %s', async coding => {
		expect(expectBytes(await fetchFeed(server.url(`/${coding}.xml`), options))).toBe(FEED);
	});

	it('calls corrupt or unknown compression a bad encoding', async () => {
		expect(expectError(await fetchFeed(server.url('/corrupt-gzip.xml'), options))).toBe('bad encoding: the compressed response is corrupt');
		expect(expectError(await fetchFeed(server.url('/zstd.xml'), options))).toBe(
			'bad encoding: the response is compressed as zstd, which flashnews cannot read',
		);
	});

	it('times out a server that never answers and closes the connection', async () => {
		const closed = server.closedAfter('/never-answers');
		const outcome = await fetchFeed(server.url('/never-answers'), {...options, timeoutMs: 200});
		expect(expectError(outcome)).toBe('timed out after 0.2 s');
		await closed;
	});

	it('times out a body that stops arriving and closes the connection', async () => {
		const closed = server.closedAfter('/stalls-mid-body');
		const outcome = await fetchFeed(server.url('/stalls-mid-body'), {...options, timeoutMs: 300});
		expect(expectError(outcome)).toBe('timed out after 0.3 s');
		await closed;
	});

	it('reports an HTTP error status with its reason', async () => {
		expect(await fetchFeed(server.url('/gone'), options)).toEqual({status: 'error', message: 'HTTP 404 Not Found'});
	});

	it('passes on when a rate-limited server allows the next request', async () => {
		const now = Date.UTC(2031, 0, 1);
		expect(await fetchFeed(server.url('/busy'), {...options, now: () => now})).toEqual({
			status: 'error',
			message: 'HTTP 429 Too Many Requests (retry after 2 min)',
			retryAfter: now + 120_000,
		});
		expect(await fetchFeed(server.url('/down'), {...options, now: () => now})).toMatchObject({retryAfter: now + 600_000});
		expect(await fetchFeed(server.url('/busy-no-time'), options)).toEqual({status: 'error', message: 'HTTP 429 Too Many Requests'});
	});

	it('says a host name could not be resolved', async () => {
		expect(expectError(await fetchFeed('http://flashnews-test.invalid/feed.xml', options))).toBe(
			'could not resolve host flashnews-test.invalid',
		);
	});

	it('says a connection was refused', async () => {
		const closedServer = createServer();
		closedServer.listen(0, '127.0.0.1');
		await once(closedServer, 'listening');
		const {port} = closedServer.address() as AddressInfo;
		await new Promise(resolve => closedServer.close(resolve));
		expect(expectError(await fetchFeed(`http://127.0.0.1:${port}/feed.xml`, options))).toBe(`connection refused by 127.0.0.1:${port}`);
	});

	it('stops when the caller cancels', async () => {
		const controller = new AbortController();
		const closed = server.closedAfter('/never-answers');
		const before = server.requests.length;
		const fetching = fetchFeed(server.url('/never-answers'), {...options, signal: controller.signal});
		await vi.waitFor(() => expect(server.requests.length).toBe(before + 1));
		controller.abort();
		expect(expectError(await fetching)).toBe('cancelled');
		await closed;
	});
});
