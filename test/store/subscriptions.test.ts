import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createMemoryStore} from '../../src/store/memory-store.js';
import {openStore} from '../../src/store/open-store.js';
import {closeStoresAndDirs, makeTempDir, openIn} from './store-fixtures.js';

afterEach(closeStoresAndDirs);

const journalLines = (dir: string) => {
	const file = path.join(dir, 'journal.jsonl');
	return fs.existsSync(file)
		? fs
				.readFileSync(file, 'utf8')
				.split('\n')
				.filter(line => line !== '')
		: [];
};

describe('subscriptions', () => {
	it('keep the order they were added in, with their titles and groups, across reopening', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		expect(first.addSubscription({url: 'https://news.example/rss'})).toBe(true);
		expect(first.addSubscription({url: '/home/reader/feeds/local.xml', title: 'Local', group: ['Home', 'Town']})).toBe(true);
		expect(first.addSubscription({url: 'http://blog.example/atom', title: 'Blog'})).toBe(true);
		first.close();

		expect(openIn(dir).subscriptions()).toEqual([
			{url: 'https://news.example/rss'},
			{url: '/home/reader/feeds/local.xml', title: 'Local', group: ['Home', 'Town']},
			{url: 'http://blog.example/atom', title: 'Blog'},
		]);
	});

	it('hold a url once: adding it again returns false and changes nothing', () => {
		const dir = makeTempDir();
		const store = openIn(dir);
		store.addSubscription({url: 'https://a.example/feed', title: 'First title'});
		store.addSubscription({url: 'https://b.example/feed'});
		const version = store.version();
		expect(store.addSubscription({url: 'https://a.example/feed', title: 'Other title'})).toBe(false);
		expect(store.version()).toBe(version);
		expect(journalLines(dir)).toHaveLength(2);
		store.close();
		expect(openIn(dir).subscriptions()).toEqual([{url: 'https://a.example/feed', title: 'First title'}, {url: 'https://b.example/feed'}]);
	});

	it('are removed with their feed metadata, and removing says whether there was one', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		first.addSubscription({url: 'https://gone.example/feed'});
		first.addSubscription({url: 'https://kept.example/feed'});
		first.setFeedMeta('https://gone.example/feed', {etag: '"v1"', lastRefresh: 10});
		first.setFeedMeta('https://kept.example/feed', {etag: '"v2"', lastRefresh: 10});
		expect(first.removeSubscription('https://gone.example/feed')).toBe(true);
		expect(first.removeSubscription('https://gone.example/feed')).toBe(false);
		expect(first.feedMeta('https://gone.example/feed')).toBeUndefined();
		first.close();

		const second = openIn(dir);
		expect(second.subscriptions().map(feed => feed.url)).toEqual(['https://kept.example/feed']);
		expect(second.feedMeta('https://kept.example/feed')).toEqual({etag: '"v2"', lastRefresh: 10});
		expect(fs.readFileSync(second.path, 'utf8')).not.toContain('gone.example');
	});

	it('refuse a relative path or a url with control characters, with a one-line reason, and add nothing', () => {
		const store = openIn(makeTempDir());
		expect(() => store.addSubscription({url: 'feeds/relative.xml'})).toThrow(
			/^"feeds\/relative\.xml" is neither a URL nor an absolute path$/,
		);
		expect(() => store.addSubscription({url: 'https://evil.example/\u001B[2Jfeed'})).toThrow(/^".*" holds control characters/);
		expect(() => store.addSubscription({url: ''})).toThrow(/needs a URL or an absolute path/);
		expect(store.subscriptions()).toEqual([]);
	});

	it('of two instances adding at once are all kept, a url both added only once', () => {
		const dir = makeTempDir();
		const one = openIn(dir);
		const two = openIn(dir);
		one.addSubscription({url: 'https://one.example/feed'});
		two.addSubscription({url: 'https://two.example/feed'});
		one.addSubscription({url: 'https://both.example/feed', title: 'From one'});
		two.addSubscription({url: 'https://both.example/feed', title: 'From two'});
		one.flush();
		two.flush();
		expect(two.subscriptions().map(feed => feed.url)).toEqual([
			'https://one.example/feed',
			'https://two.example/feed',
			'https://both.example/feed',
		]);
		one.close();
		two.close();

		expect(openIn(dir).subscriptions()).toEqual([
			{url: 'https://one.example/feed'},
			{url: 'https://two.example/feed'},
			{url: 'https://both.example/feed', title: 'From one'},
		]);
	});

	it('and their metadata come back from the journal after a crash', () => {
		const dir = makeTempDir();
		const crashed = openStore({configDir: dir});
		crashed.addSubscription({url: 'https://a.example/feed', group: ['News']});
		crashed.setFeedMeta('https://a.example/feed', {lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT', articleCount: 12});
		// No flush, no close: only the journal has these changes.
		expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);

		const next = openIn(dir);
		expect(next.subscriptions()).toEqual([{url: 'https://a.example/feed', group: ['News']}]);
		expect(next.feedMeta('https://a.example/feed')).toEqual({lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT', articleCount: 12});
		crashed.close();
	});

	it('removed by one instance stay removed although the other refreshed the feed meanwhile', () => {
		const dir = makeTempDir();
		const setup = openIn(dir);
		setup.addSubscription({url: 'https://a.example/feed'});
		setup.close();

		const one = openIn(dir);
		const two = openIn(dir);
		one.removeSubscription('https://a.example/feed');
		one.flush();
		two.setFeedMeta('https://a.example/feed', {lastRefresh: 99, lastError: null});
		two.flush();
		expect(two.subscriptions()).toEqual([]);
		expect(two.feedMeta('https://a.example/feed')).toBeUndefined();
		expect(fs.readFileSync(two.path, 'utf8')).not.toContain('a.example');
	});

	it('are recovered from a damaged file with their metadata', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		first.setRead('read-0', true);
		first.addSubscription({url: 'https://a.example/feed', title: 'A'});
		first.addSubscription({url: 'https://b.example/feed'});
		first.setFeedMeta('https://a.example/feed', {etag: '"x"'});
		first.close();
		const text = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
		fs.writeFileSync(path.join(dir, 'config.json'), text.replace('{"url":"https://b.example/feed"}', '{"url":"https://b.exa'));

		const store = openIn(dir);
		expect(store.notices).toHaveLength(1);
		expect(store.notices[0]).toMatch(/recovered 1 read mark, 0 bookmarks and 1 subscription;/);
		expect(store.subscriptions()).toEqual([{url: 'https://a.example/feed', title: 'A'}]);
		expect(store.feedMeta('https://a.example/feed')).toEqual({etag: '"x"'});
	});

	it('work the same in a store kept only in memory', () => {
		const store = createMemoryStore();
		expect(store.addSubscription({url: 'https://a.example/feed'})).toBe(true);
		store.setFeedMeta('https://a.example/feed', {articleCount: 3});
		expect(store.feedMeta('https://a.example/feed')).toEqual({articleCount: 3});
		expect(store.removeSubscription('https://a.example/feed')).toBe(true);
		expect(store.subscriptions()).toEqual([]);
	});
});

describe('feed metadata', () => {
	const url = 'https://a.example/feed';

	it('is updated field by field: fields given replace, fields left out stay, undefined removes', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		first.addSubscription({url});
		const lastModified = 'Tue, 20 Oct 2026 07:28:00 GMT';
		first.setFeedMeta(url, {etag: '"v1"', lastModified, lastRefresh: 100, lastError: null, articleCount: 20, title: 'A feed'});
		first.setFeedMeta(url, {lastRefresh: 200, lastError: 'timed out after 20 s', retryAfter: 500});
		first.setFeedMeta(url, {lastModified: undefined});
		first.close();

		expect(openIn(dir).feedMeta(url)).toEqual({
			etag: '"v1"',
			lastRefresh: 200,
			lastError: 'timed out after 20 s',
			retryAfter: 500,
			articleCount: 20,
			title: 'A feed',
		});
	});

	it('costs one journal line per update, and none when nothing changes', () => {
		const dir = makeTempDir();
		const store = openIn(dir);
		store.addSubscription({url});
		store.setFeedMeta(url, {etag: '"v1"', lastRefresh: 100});
		store.setFeedMeta(url, {lastRefresh: 100});
		store.setFeedMeta(url, {lastRefresh: 200});
		expect(journalLines(dir).map(line => (JSON.parse(line) as {op: string}).op)).toEqual(['subscribe', 'feed-meta', 'feed-meta']);
	});

	it('is not kept for a feed that is not subscribed', () => {
		const dir = makeTempDir();
		const store = openIn(dir);
		store.setFeedMeta('https://never.example/feed', {etag: '"x"'});
		expect(store.feedMeta('https://never.example/feed')).toBeUndefined();
		expect(journalLines(dir)).toEqual([]);
	});

	it('tells subscribers when it or the subscriptions change', () => {
		const store = openIn(makeTempDir());
		let notified = 0;
		store.subscribe(() => notified++);
		store.addSubscription({url});
		store.setFeedMeta(url, {articleCount: 1});
		store.removeSubscription(url);
		expect(notified).toBe(3);
	});

	it('read back from a hand-edited file keeps the good fields and drops the bad ones', () => {
		const dir = makeTempDir();
		fs.writeFileSync(
			path.join(dir, 'config.json'),
			JSON.stringify({
				schemaVersion: 2,
				read: {},
				bookmarks: {},
				subscriptions: [{url, title: 'Evil\u001B[31m title'}],
				feedMeta: {[url]: {etag: 'bad\u0007etag', lastRefresh: -5, lastError: 'line\none', articleCount: 4, unknown: true}},
			}),
		);
		const store = openIn(dir);
		expect(store.subscriptions()).toEqual([{url, title: 'Evil title'}]);
		expect(store.feedMeta(url)).toEqual({lastError: 'line one', articleCount: 4});
	});
});
