import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type ArticleJson, runCliAsync} from './cli-output.js';
import {bundledFeed, type FeedServer, startFeedServer} from './feed-server.js';
import {removeDir, tempDir} from './tmux-session.js';

let server: FeedServer;
let configDir: string;

beforeEach(async () => {
	server = await startFeedServer();
	server.serve('/bota.rss', bundledFeed('flash-news-bota.rss'));
	server.serve('/opinion.json', bundledFeed('flash-news-opinion.json'), 'application/feed+json');
	server.serve(
		'/page.html',
		`<!doctype html><html><head><title>Flash</title><link rel="alternate" type="application/rss+xml" href="/bota.rss"></head><body>news</body></html>`,
		'text/html',
	);
	server.serve('/plain.html', '<!doctype html><html><head><title>No feed</title></head><body>hello</body></html>', 'text/html');
	configDir = tempDir('flashnews-subs-');
});

afterEach(async () => {
	await server.close();
	removeDir(configDir);
});

const cli = (...args: string[]) => runCliAsync([...args, '--config-dir', configDir], {NO_COLOR: '1'});

describe('subscriptions', () => {
	it('adds a feed by URL, lists it, and reads it instead of the bundled samples', async () => {
		const added = await cli('add', server.url('/bota.rss'));
		expect(added.status).toBe(0);
		expect(added.stdout).toMatch(/^subscribed to http:\/\/127\.0\.0\.1:\d+\/bota\.rss \(Flash News — Bota, \d+ articles\)\n$/);
		const feeds = JSON.parse((await cli('feeds', '--json')).stdout) as Array<{
			url: string;
			articles: number;
			unread: number;
			lastError: string | null;
		}>;
		expect(feeds).toEqual([expect.objectContaining({url: server.url('/bota.rss'), lastError: null})]);
		expect(feeds[0]!.unread).toBe(feeds[0]!.articles);
		const articles = JSON.parse((await cli('--json')).stdout) as ArticleJson[];
		expect(articles.length).toBe(feeds[0]!.articles);
		expect(new Set(articles.map(article => article.feed))).toEqual(new Set(['Flash News — Bota']));
	});

	it('asks the server whether the feed changed, and reads the cached copy when it did not', async () => {
		await cli('add', server.url('/bota.rss'));
		const first = await cli('--json');
		const second = await cli('--json');
		expect(second.stdout).toBe(first.stdout);
		const refreshes = server.requests.filter(request => request.path === '/bota.rss');
		expect(refreshes.at(-1)).toMatchObject({status: 304});
		expect(refreshes.at(-1)!.headers['if-none-match']).toMatch(/^".+"$/);
		expect(refreshes.at(-1)!.headers['user-agent']).toMatch(/^flashnews\/\d+\.\d+\.\d+/);
	});

	it('reads the cached copy with one line on stderr when the server is gone', async () => {
		await cli('add', server.url('/bota.rss'));
		const online = JSON.parse((await cli('--json')).stdout) as ArticleJson[];
		await server.close();
		const offline = await cli('--json', '--timeout', '2');
		expect(offline.status).toBe(0);
		expect(JSON.parse(offline.stdout)).toEqual(online);
		expect(offline.stderr.trim().split('\n')).toEqual([
			expect.stringMatching(/bota\.rss: .*connection refused.*; showing the copy from \d+ min ago$/i),
		]);
	});

	it('subscribes to the feed a web page names, and says so', async () => {
		const added = await cli('add', server.url('/page.html'));
		expect(added.status).toBe(0);
		expect(added.stdout).toContain(`is a web page; subscribing to its feed ${server.url('/bota.rss')}`);
		expect(JSON.parse((await cli('feeds', '--json')).stdout)).toEqual([expect.objectContaining({url: server.url('/bota.rss')})]);
	});

	it('refuses a web page that names no feed, with one line, and subscribes to nothing', async () => {
		const added = await cli('add', server.url('/plain.html'));
		expect(added.status).toBe(1);
		expect(added.stderr.trim().split('\n')).toEqual([expect.stringMatching(/plain\.html: .*web page/)]);
		expect((await cli('export')).stdout).not.toContain('plain.html');
	});

	it('adds nothing twice and removes a subscription with its cache', async () => {
		await cli('add', server.url('/bota.rss'));
		const again = await cli('add', server.url('/bota.rss'));
		expect(again.stderr).toContain('already subscribed');
		expect(JSON.parse((await cli('feeds', '--json')).stdout)).toHaveLength(1);
		expect((await cli('remove', server.url('/bota.rss'))).status).toBe(0);
		expect((await cli('remove', server.url('/bota.rss'))).status).toBe(1);
		expect(JSON.parse((await cli('feeds', '--json')).stdout)).toEqual([]);
	});

	it('exports OPML that imports back to the same subscriptions and groups, once however often imported', async () => {
		const opml = path.join(configDir, 'in.opml');
		writeFileSync(
			opml,
			`<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="News"><outline text="World"><outline type="rss" text="Bota" xmlUrl="${server.url('/bota.rss')}"/></outline></outline>
<outline type="rss" text="Opinion" xmlUrl="${server.url('/opinion.json')}"/></body></opml>`,
		);
		expect((await cli('import', opml)).stdout).toBe('imported 2 feeds\n');
		expect((await cli('import', opml)).stdout).toBe('imported 0 feeds; 2 already subscribed\n');
		const exported = (await cli('export')).stdout;
		const other = tempDir('flashnews-subs-');
		try {
			writeFileSync(path.join(other, 'out.opml'), exported);
			await runCliAsync(['import', path.join(other, 'out.opml'), '--config-dir', other]);
			expect((await runCliAsync(['export', '--config-dir', other])).stdout).toBe(exported);
			const feeds = JSON.parse((await runCliAsync(['feeds', '--json', '--config-dir', other])).stdout) as Array<{
				title: string;
				group: string[];
			}>;
			expect(feeds.map(feed => [feed.title, feed.group])).toEqual([
				['Bota', ['News', 'World']],
				['Opinion', []],
			]);
		} finally {
			removeDir(other);
		}
	});

	it('refuses a malformed OPML file with one line and changes nothing', async () => {
		await cli('add', server.url('/bota.rss'));
		const bad = path.join(configDir, 'bad.opml');
		writeFileSync(bad, '<opml version="2.0"><body><outline text="x" xmlUrl="http://a.example/"');
		const result = await cli('import', bad);
		expect(result.status).toBe(1);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(JSON.parse((await cli('feeds', '--json')).stdout)).toHaveLength(1);
	});

	it('imports a newsboat urls file, tags as groups', async () => {
		const urls = path.join(configDir, 'urls');
		writeFileSync(
			urls,
			`# my feeds\n${server.url('/bota.rss')} "World" news\n${server.url('/opinion.json')}\n"query:Unread:unread = \\"yes\\""\n`,
		);
		expect((await cli('import', urls)).stdout).toBe('imported 2 feeds\n');
		const feeds = JSON.parse((await cli('feeds', '--json')).stdout) as Array<{url: string; group: string[]}>;
		expect(feeds.map(feed => feed.group)).toEqual([['World'], []]);
	});
});
