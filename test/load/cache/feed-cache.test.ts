import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {copyArticle} from '../../../src/core/articles/article.js';
import {
	CACHE_MAX_AGE_DAYS,
	CACHE_MAX_ARTICLES,
	readCachedFeed,
	removeCachedFeed,
	retainedArticles,
	writeCachedFeed,
} from '../../../src/load/cache/feed-cache.js';
import {createMemoryStore} from '../../../src/store/memory-store.js';
import {makeArticle, makeArticles, NOW} from '../../ui/helpers/articles.js';

const URL_A = 'https://news.example/feed.xml';
const DAY = 86_400_000;
let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'flashnews-cache-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

describe('the feed cache', () => {
	it('gives back what was saved, bodies included, in the same order', () => {
		const articles = makeArticles(3, index => ({
			section: 'Bota',
			categories: ['Ukraine'],
			summary: {format: 'html', value: `<p>S${index}</p>`, base: 'https://news.example/'},
		}));
		writeCachedFeed(dir, URL_A, 'Flash News', articles, NOW);
		const cached = readCachedFeed(dir, URL_A);
		expect(cached).toMatchObject({url: URL_A, title: 'Flash News', savedAt: NOW});
		expect(cached!.articles.map(copyArticle)).toEqual(articles);
	});

	it('reads the bodies only when an article body is first asked for', () => {
		writeCachedFeed(dir, URL_A, 'Flash News', makeArticles(2), NOW);
		const cached = readCachedFeed(dir, URL_A)!;
		const bodies = readdirSync(dir).find(name => name.endsWith('.bodies.json'))!;
		rmSync(join(dir, bodies));
		expect(cached.articles[0]!.title).toBe('Headline number 1');
		expect(cached.articles[0]!.content.value).toBe('');
	});

	it('keeps the body of a cached article in its bookmark', () => {
		writeCachedFeed(dir, URL_A, 'Flash News', makeArticles(1), NOW);
		const store = createMemoryStore();
		store.setBookmark(readCachedFeed(dir, URL_A)!.articles[0]!, true);
		expect(store.bookmarks()[0]!.content.value).toBe('Body of article 1.');
	});

	it('keeps files readable by the owner alone', () => {
		writeCachedFeed(dir, URL_A, 'Flash News', makeArticles(1), NOW);
		for (const name of readdirSync(dir)) expect({name, mode: statSync(join(dir, name)).mode & 0o777}).toEqual({name, mode: 0o600});
	});

	it('has nothing for a feed never saved, a damaged copy or one of another feed', () => {
		expect(readCachedFeed(dir, URL_A)).toBeUndefined();
		writeCachedFeed(dir, URL_A, 'Flash News', makeArticles(1), NOW);
		const index = readdirSync(dir).find(name => !name.includes('bodies'))!;
		writeFileSync(join(dir, index), '{"format": 1, "url": "');
		expect(readCachedFeed(dir, URL_A)).toBeUndefined();
	});

	it('never follows a link or opens a FIFO planted where a copy belongs', () => {
		writeCachedFeed(dir, URL_A, 'Flash News', makeArticles(1), NOW);
		const index = readdirSync(dir).find(name => !name.includes('bodies'))!;
		rmSync(join(dir, index));
		symlinkSync('/dev/zero', join(dir, index));
		expect(readCachedFeed(dir, URL_A)).toBeUndefined();
		rmSync(join(dir, index));
		execFileSync('mkfifo', [join(dir, index)]);
		expect(readCachedFeed(dir, URL_A)).toBeUndefined();
	});

	it('refuses to replace a copy that is a symbolic link', () => {
		writeCachedFeed(dir, URL_A, 'Flash News', makeArticles(1), NOW);
		const index = readdirSync(dir).find(name => !name.includes('bodies'))!;
		const elsewhere = join(dir, 'elsewhere');
		writeFileSync(elsewhere, 'precious');
		rmSync(join(dir, index));
		symlinkSync(elsewhere, join(dir, index));
		expect(() => writeCachedFeed(dir, URL_A, 'Flash News', makeArticles(1), NOW)).toThrow(/symbolic link/);
		expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
		expect(execFileSync('cat', [elsewhere], {encoding: 'utf8'})).toBe('precious');
	});

	it('forgets a removed feed', () => {
		writeCachedFeed(dir, URL_A, 'Flash News', makeArticles(1), NOW);
		removeCachedFeed(dir, URL_A);
		expect(readdirSync(dir)).toEqual([]);
	});
});

describe('which articles the cache keeps', () => {
	it('keeps articles that left the feed until they are too old', () => {
		const recent = makeArticle(7, {id: 'recent', published: NOW - 10 * DAY});
		const old = makeArticle(8, {id: 'old', published: NOW - (CACHE_MAX_AGE_DAYS + 1) * DAY});
		const kept = retainedArticles(makeArticles(2), [recent, old, makeArticle(1)], NOW);
		expect(kept.map(article => article.id)).toEqual(['a1', 'a2', 'recent']);
	});

	it('keeps at most the count limit, the feed’s current articles first', () => {
		const fresh = makeArticles(CACHE_MAX_ARTICLES - 1);
		const earlier = [makeArticle(0, {id: 'x1'}), makeArticle(0, {id: 'x2'})];
		const kept = retainedArticles(fresh, earlier, NOW);
		expect(kept).toHaveLength(CACHE_MAX_ARTICLES);
		expect(kept.at(-1)!.id).toBe('x1');
	});

	it('merges a new copy with the earlier one when saving', () => {
		writeCachedFeed(dir, URL_A, 'Flash News', [makeArticle(1, {id: 'gone', published: NOW - DAY})], NOW);
		writeCachedFeed(dir, URL_A, 'Flash News', [makeArticle(2, {id: 'new'})], NOW);
		const cached = readCachedFeed(dir, URL_A)!;
		expect(cached.articles.map(article => article.id)).toEqual(['new', 'gone']);
		expect(cached.articles[1]!.content.value).toBe('Body of article 1.');
	});
});
