import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Article, FeedResult} from '../../src/core/articles/article.js';
import {parseFeed} from '../../src/core/parse-feed.js';

const bytes = (path: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
const encode = (text: string) => new TextEncoder().encode(text);

async function parseOk(data: Uint8Array, source = 'feed'): Promise<Extract<FeedResult, {ok: true}>> {
	const result = await parseFeed(data, source);
	if (!result.ok) throw new Error(`expected a feed, got: ${result.error}`);
	return result;
}

async function parseError(data: Uint8Array): Promise<string> {
	const result = await parseFeed(data, 'broken');
	if (result.ok) throw new Error('expected an error');
	expect(result.source).toBe('broken');
	return result.error;
}

const byTitle = (articles: Article[], title: string) => articles.find(article => article.title === title);

describe('parseFeed on JSON feeds', () => {
	it('reads JSON Feed 1.1 with absolute links and dates', async () => {
		const result = await parseOk(bytes('json/jsonfeed-1.1.json'), 'bota.json');
		expect(result.title).toBe('Flash News Bota');
		expect(result.warnings).toEqual([]);
		expect(result.articles.map(article => article.link)).toEqual([
			'https://flashnews.example/bota/2024/05/samiti',
			'https://flashnews.example/bota/2024/05/zgjedhjet',
		]);
		expect(result.articles[0]).toMatchObject({
			author: 'Arben Hoxha, Drita Leka',
			section: null,
			published: Date.UTC(2024, 4, 3, 7, 30),
			feed: 'Flash News Bota',
		});
		expect(result.articles[1]).toMatchObject({id: 'Flash News Bota#2', author: 'Redaksia', published: Date.UTC(2024, 4, 2, 8)});
	});

	it('reads JSON Feed 1.0', async () => {
		const result = await parseOk(bytes('json/jsonfeed-1.0.json'));
		expect(result.articles.map(article => [article.title, article.author])).toEqual([
			['First note', 'Ana Kola'],
			['Second note, linked elsewhere', 'Feed Author'],
		]);
	});

	it('reads the simple flashnews JSON with bylines, sections and relative links', async () => {
		const result = await parseOk(bytes('json/simple-object.json'));
		expect(result.title).toBe('Flash News');
		const [budget, football, weather] = result.articles;
		expect(budget).toMatchObject({author: 'Arben Hoxha, REL', section: 'Politikë', content: {format: 'html'}});
		expect(football).toMatchObject({
			author: 'ATA',
			section: 'Sport',
			link: 'https://flashnews.example/sport/1002',
			published: 1_714_737_600_000,
		});
		expect(weather).toMatchObject({
			published: 1_714_651_200_000,
			author: 'Drita Leka',
			section: null,
			link: null,
			content: {format: 'text', value: 'Parashikimi për tre ditët e ardhshme.'},
		});
	});

	it('names a bare array of articles after its file', async () => {
		const result = await parseOk(bytes('json/simple-array.json'), 'feeds/simple-array.json');
		expect(result.title).toBe('simple-array.json');
		expect(result.articles.map(article => article.section)).toEqual([null, 'Kulturë']);
	});

	it('loads a feed without items, with a "no articles" warning', async () => {
		const result = await parseOk(bytes('json/empty-items.json'));
		expect(result.articles).toEqual([]);
		expect(result.warnings).toEqual(['no articles']);
	});

	it('reads what it can of an awkward feed and warns about the rest', async () => {
		const result = await parseOk(bytes('json/awkward.json'));
		expect(result.title).toBe('Awkward Feed & Co');
		expect(result.articles).toHaveLength(8);
		expect(result.warnings).toEqual([
			'2 items were skipped: not a JSON object',
			'1 empty item was skipped',
			'1 duplicate article was skipped (same id as an earlier one)',
		]);
		const {articles} = result;
		expect(byTitle(articles, 'First of two with the same id')).toBeDefined();
		expect(byTitle(articles, 'Second of two with the same id')).toBeUndefined();
		expect(byTitle(articles, 'Bold & double-escaped')).toMatchObject({link: 'https://awkward.example/relative/page.html', published: null});
		expect(byTitle(articles, 'Escape link and C1 and evil bidi')).toMatchObject({
			author: 'Rea Kola',
			link: null,
			categories: ['AB'],
			summary: {value: 'line one\nline two'},
		});
		expect(byTitle(articles, 'mailto:desk@awkward.example')).toMatchObject({
			id: 'mailto:desk@awkward.example',
			published: Date.UTC(1999, 11, 31, 23, 59, 59),
		});
		expect(byTitle(articles, 'Data link')).toMatchObject({link: null, published: Date.UTC(2024, 4, 1, 10)});
		expect(byTitle(articles, 'Tabs and newlines in a title')).toMatchObject({section: 'Section', categories: ['Real'], published: null});
		expect(articles[0]?.title.startsWith('Only the summary is usable')).toBe(true);
	});

	it('fails a JSON Feed whose items are not a list, with one line naming the problem', async () => {
		expect(await parseError(bytes('json/items-not-a-list.json'))).toBe('not a feed: the JSON Feed\'s "items" is an object, not a list');
	});

	it('accepts a UTF-8 byte order mark', async () => {
		const result = await parseOk(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('{"articles": [{"title": "Çështje"}]}')]));
		expect(result.articles[0]?.title).toBe('Çështje');
	});

	it('stops at maxItems', async () => {
		const result = await parseFeed(bytes('json/simple-object.json'), 'x', {maxItems: 1});
		expect(result.ok && result.articles.length).toBe(1);
	});
});

describe('parseFeed on XML feeds', () => {
	it('reads an RSS 2.0 document', async () => {
		const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>RSS Lajme</title><link>https://rss.example/</link>
<item><title>Lajmi &amp; më shumë</title><link>/a</link><guid isPermaLink="false">a-1</guid><pubDate>Fri, 03 May 2024 10:00:00 GMT</pubDate></item>
<item><title>I dyti</title><link>https://rss.example/b</link></item>
</channel></rss>`;
		const result = await parseOk(encode(rss));
		expect(result.title).toBe('RSS Lajme');
		expect(result.articles.map(article => [article.title, article.link, article.published])).toEqual([
			['Lajmi & më shumë', 'https://rss.example/a', Date.UTC(2024, 4, 3, 10)],
			['I dyti', 'https://rss.example/b', null],
		]);
	});

	it('reads an Atom document', async () => {
		const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Lajme</title>
<entry><id>tag:atom.example,2024:1</id><title>Hyrja</title><link href="https://atom.example/1"/><updated>2024-05-03T10:00:00Z</updated></entry></feed>`;
		const result = await parseOk(encode(atom));
		expect(result.articles).toMatchObject([
			{id: 'tag:atom.example,2024:1', title: 'Hyrja', link: 'https://atom.example/1', feed: 'Atom Lajme'},
		]);
	});
});

describe('parseFeed on things that are not feeds', () => {
	it('says an empty or blank file is empty', async () => {
		expect(await parseError(bytes('broken/empty.json'))).toBe('file is empty');
		expect(await parseError(bytes('broken/whitespace.xml'))).toBe('file is empty');
	});

	it('says binary data is not a feed', async () => {
		expect(await parseError(bytes('broken/binary.bin'))).toBe('not a feed: binary data');
		expect(await parseError(new Uint8Array([0x3c, 0x72, 0x73, 0x73, 0, 0, 0, 0]))).toBe('not a feed: binary data');
	});

	it('says an HTML page is not a feed', async () => {
		expect(await parseError(bytes('broken/page.html'))).toBe('not a feed: looks like an HTML page');
	});

	it('says what is wrong with invalid JSON and on which line', async () => {
		expect(await parseError(bytes('broken/invalid.json'))).toBe(
			"invalid JSON: expected a property name in double quotes but found '}' (line 5)",
		);
	});

	it('says JSON of another shape is not a feed', async () => {
		const expected = 'JSON is not a feed: expected JSON Feed or {"articles": [...]}';
		expect(await parseError(bytes('broken/wrong-shape.json'))).toBe(expected);
		expect(await parseError(bytes('broken/numbers.json'))).toBe(expected);
	});

	it('says prose is not a feed', async () => {
		expect(await parseError(bytes('broken/prose.txt'))).toBe('not a feed: expected RSS, Atom, RDF or JSON');
	});

	it('reports errors on one line', async () => {
		for (const data of [bytes('broken/invalid.json'), encode('{"a":\n\n\n'), encode('[\n"\u001B[2J\n')]) {
			expect(await parseError(data)).toMatch(/^invalid JSON: [^\n\r\u001B]+ \(line \d+\)$/);
		}
	});
});
