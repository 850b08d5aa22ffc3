import type {ServerResponse} from 'node:http';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {decodeFeedBytes} from '../../../src/core/text/decode-bytes.js';
import {fetchFeed} from '../../../src/load/http/fetch-feed.js';
import {createFetchLimiter} from '../../../src/load/http/fetch-limiter.js';
import {fetchFeedSource, type RemoteFeed} from '../../../src/load/http/remote-source.js';
import {type FeedServer, rssFeed, startFeedServer} from './feed-server.js';

const ETAG = '"feed-1"';
const options = {version: '1.0.0'};
const LATIN1_TITLES = ['Café crème', 'Ærøskøbing før nåde'];
const held: ServerResponse[] = [];
let mostHeld = 0;
let server: FeedServer;

function latin1(text: string): Buffer {
	return Buffer.from(text, 'latin1');
}

function webPage(head: string): string {
	return `<!DOCTYPE html>\n<html><head><title>A blog</title>${head}</head><body><p>Welcome</p></body></html>`;
}

beforeAll(async () => {
	server = await startFeedServer({
		'/feed.xml': (request, response) => {
			if (request.headers['if-none-match'] === ETAG) response.writeHead(304).end();
			else response.writeHead(200, {'Content-Type': 'application/rss+xml', ETag: ETAG}).end(rssFeed('Served feed', ['First', 'Second']));
		},
		'/latin1-header.xml': (_request, response) => {
			response.writeHead(200, {'Content-Type': 'application/rss+xml; charset=ISO-8859-1'});
			response.end(latin1(rssFeed('Nouvelles', LATIN1_TITLES)));
		},
		'/latin1-declaration.xml': (_request, response) => {
			response.writeHead(200, {'Content-Type': 'application/xml'});
			response.end(latin1(rssFeed('Nouvelles', LATIN1_TITLES, 'ISO-8859-1')));
		},
		'/blog/': (_request, response) => {
			response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
			response.end(
				webPage(
					'<link rel="stylesheet" href="/style.css"><link rel="alternate" type="application/rss+xml" title="Posts" href="../feed.xml">',
				),
			);
		},
		'/plain-page': (_request, response) => {
			response.writeHead(200, {'Content-Type': 'text/html'});
			response.end(webPage('<link rel="icon" href="/favicon.ico">'));
		},
		'/gone': (_request, response) => response.writeHead(404).end(),
		'/held-feed.xml': (_request, response) => {
			// Answered only when the test releases it.
			held.push(response);
			mostHeld = Math.max(mostHeld, held.length);
		},
	});
});

afterAll(async () => {
	await server.close();
});

function okResult(remote: RemoteFeed) {
	if (remote.fetched === 'not-modified' || !remote.result.ok) throw new Error(`expected articles, got ${JSON.stringify(remote)}`);
	return remote.result;
}

function errorOf(remote: RemoteFeed): string {
	if (remote.fetched === 'not-modified' || remote.result.ok) throw new Error(`expected an error, got ${JSON.stringify(remote)}`);
	expect(remote.fetched).toEqual({status: 'error', message: remote.result.error});
	return remote.result.error;
}

describe('latin-1 feeds over HTTP', () => {
	it('decodes with the charset given only in the Content-Type header', async () => {
		const fetched = await fetchFeed(server.url('/latin1-header.xml'), options);
		if (fetched.status !== 'ok') throw new Error(fetched.status);
		expect(fetched.charset).toBe('ISO-8859-1');
		expect(decodeFeedBytes(fetched.bytes, fetched.charset)).toContain('<title>Ærøskøbing før nåde</title>');
		const result = okResult(await fetchFeedSource(server.url('/latin1-header.xml'), options));
		expect(result.articles.map(article => article.title)).toEqual(LATIN1_TITLES);
	});

	it('decodes with the charset given only in the XML declaration', async () => {
		const fetched = await fetchFeed(server.url('/latin1-declaration.xml'), options);
		if (fetched.status !== 'ok') throw new Error(fetched.status);
		expect(fetched.charset).toBeUndefined();
		expect(decodeFeedBytes(fetched.bytes, fetched.charset)).toContain('<title>Café crème</title>');
		const result = okResult(await fetchFeedSource(server.url('/latin1-declaration.xml'), options));
		expect(result.articles.map(article => article.title)).toEqual(LATIN1_TITLES);
	});
});

describe('fetchFeedSource', () => {
	it('parses a fetched feed and keeps what the next request needs', async () => {
		const remote = await fetchFeedSource(server.url('/feed.xml'), {...options, label: 'my feed', now: () => 1234});
		expect(okResult(remote)).toMatchObject({source: 'my feed', title: 'Served feed'});
		expect(remote.fetched).toEqual({etag: ETAG, finalUrl: server.url('/feed.xml'), fetchedAt: 1234});
	});

	it('answers not-modified when the cached copy is still current', async () => {
		expect(await fetchFeedSource(server.url('/feed.xml'), {...options, validators: {etag: ETAG}})).toEqual({fetched: 'not-modified'});
	});

	it('points from a web page to the feed it names', async () => {
		const feedUrl = server.url('/feed.xml');
		expect(errorOf(await fetchFeedSource(server.url('/blog/'), options))).toBe(
			`is a web page, not a feed; its feed is ${feedUrl} (flashnews add ${feedUrl})`,
		);
	});

	it('says so when a web page names no feed', async () => {
		expect(errorOf(await fetchFeedSource(server.url('/plain-page'), options))).toBe('is a web page, not a feed, and it names no feed');
	});

	it('passes an HTTP error on as the source error, without validators to store', async () => {
		const remote = await fetchFeedSource(server.url('/gone'), {...options, label: 'gone'});
		expect(errorOf(remote)).toBe('HTTP 404 Not Found');
		expect(remote).toMatchObject({result: {ok: false, source: 'gone'}});
	});

	it('fetches at most two feeds of one host at once through a shared limiter', async () => {
		const limiter = createFetchLimiter();
		const feeds = 6;
		const fetching = Promise.all(Array.from({length: feeds}, () => fetchFeedSource(server.url('/held-feed.xml'), {...options, limiter})));
		for (let remaining = feeds; remaining > 0; remaining--) {
			await vi.waitFor(() => expect(held.length).toBe(Math.min(2, remaining)));
			held
				.shift()!
				.writeHead(200)
				.end(rssFeed('Held', ['Item']));
		}
		const remotes = await fetching;
		expect(remotes.every(remote => remote.fetched !== 'not-modified' && remote.result.ok)).toBe(true);
		expect(mostHeld).toBe(2);
	});
});
