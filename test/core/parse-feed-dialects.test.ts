import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Article, FeedResult} from '../../src/core/articles/article.js';
import {parseFeed} from '../../src/core/parse-feed.js';
import {bodyToText} from '../../src/core/text/html-text.js';

// One fixture per class and variant of feed that Python's feedparser reads and flashnews once did
// not (issue 15); `npm run compat` compares the two parsers over the same files.

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/compat/${name}`, import.meta.url)));

async function read(name: string): Promise<Extract<FeedResult, {ok: true}>> {
	const result = await parseFeed(fixture(name), name);
	if (!result.ok) throw new Error(`${name}: ${result.error}`);
	return result;
}

const iso = (article: Article | undefined) =>
	article?.published === null || article?.published === undefined ? null : new Date(article.published).toISOString();
const text = (article: Article | undefined) => (article ? bodyToText(article.content.value ? article.content : article.summary) : '');

describe('every entry a feed holds becomes an article', () => {
	it('keeps RSS items that carry only a guid, a date, an author, a category, an enclosure or an unknown element', async () => {
		const {articles, warnings} = await read('keep-rss-sparse-items.xml');
		expect(articles).toHaveLength(8);
		expect(warnings).toEqual([]);
		expect(articles.map(article => article.title)).toEqual([
			'(untitled)',
			'2024-04-16 06:30 UTC',
			'(untitled)',
			'(untitled)',
			'(untitled)',
			'(untitled)',
			'(untitled)',
			'(untitled)',
		]);
		expect(articles[2]?.author).toBe('Harbour Master');
		expect(articles[3]?.categories).toEqual(['Tides']);
		expect(new Set(articles.map(article => article.id)).size).toBe(8);
	});

	it('keeps Atom entries that carry only an id, a date, an author, a category or an enclosure', async () => {
		const {articles} = await read('keep-atom-sparse-entries.xml');
		expect(articles).toHaveLength(5);
		expect(articles[0]?.id).toBe('urn:uuid:0a1b2c3d-0000-4000-8000-000000000001');
		expect(iso(articles[1])).toBe('2024-03-02T08:00:00.000Z');
		expect(articles[2]?.author).toBe('Station 7');
		expect(articles[4]?.link).toBeNull();
	});

	it('keeps RSS 1.0 items that carry only their rdf:about', async () => {
		const {articles} = await read('keep-rss10-sparse-items.xml');
		expect(articles.map(article => article.id)).toEqual(['urn:isbn:9780000000011', 'urn:isbn:9780000000028', 'urn:isbn:9780000000035']);
		expect(articles[2]?.categories).toEqual(['Cartography']);
	});

	it('skips only a wholly empty item, and says so', async () => {
		const feed =
			'<rss version="2.0"><channel><title>T</title><item/><item>  <title> </title> </item><item><guid>g</guid></item></channel></rss>';
		const result = await parseFeed(new TextEncoder().encode(feed), 'empty.xml');
		expect(result).toMatchObject({ok: true, warnings: ['2 empty items were skipped']});
		expect(result.ok && result.articles.map(article => article.title)).toEqual(['(untitled)']);
	});
});

describe('Atom 0.3 content modes', () => {
	it('decodes base64 titles, summaries and bodies, wrapped or not', async () => {
		const {articles} = await read('atom03-mode-base64.xml');
		expect(articles[0]).toMatchObject({
			title: 'Why I encode “everything”',
			summary: {format: 'text', value: 'A short note on base64 & friends.'},
		});
		expect(text(articles[0])).toBe('Binary-safe and markup-safe: Zürich, naïve, “quoted”.');
		expect(articles[1]?.title).toBe('Second bold post');
		expect(text(articles[1])).toBe('Line one.\n\nLine two.');
	});

	it('renders escaped markup of an HTML type and shows a text title as written', async () => {
		const {title, articles} = await read('atom03-mode-escaped.xml');
		expect(title).toBe('Escaped Notes');
		expect(articles[0]?.title).toBe('Fish & chips again');
		expect(text(articles[0])).toBe('We went to the pier.\n\nThe gulls won.');
		expect(articles[1]?.title).toBe('Default type, <b>escaped</b> mode');
		expect(text(articles[1])).toBe('Escaped XHTML body.');
	});
});

describe('legacy encoding labels, read as browsers read them', () => {
	const quotes = {
		title: 'Council says “no” to the new pier – again…',
		summary: {value: 'The mayor’s reply — in full: “We’ll see.” Costs €4 million.'},
	};

	it.each(['label-iso-8859-1.xml', 'label-latin1.xml', 'label-us-ascii.xml', 'label-cp819.xml', 'label-iso-8859-1-whatwg-alias.xml'])(
		'reads %s as windows-1252, keeping curly quotes, dashes and the euro sign',
		async name => {
			const {articles} = await read(name);
			expect(articles[0]).toMatchObject(quotes);
			expect(articles[1]?.title).toBe('Café reopens • Straße closed');
		},
	);

	it('reads iso-8859-9 as windows-1254', async () => {
		const {articles} = await read('label-iso-8859-9-whatwg.xml');
		expect(articles[0]?.title).toBe(quotes.title);
		expect(articles[1]?.title).toBe('Café reopens • Straşe closed');
	});

	it.each(['label-utf-8-but-windows-1252.xml', 'label-iso-8859-1-but-utf-8.xml', 'label-utf-16-but-8-bit.xml', 'label-unknown.xml'])(
		'survives %s, whose declaration disagrees with its bytes',
		async name => {
			const {articles} = await read(name);
			expect(articles[0]).toMatchObject(quotes);
		},
	);
});

describe('namespaces by URI, not by prefix', () => {
	it('reads RSS whose every element carries a prefix, root included', async () => {
		const {title, articles} = await read('ns-prefixed-rss-root.xml');
		expect(title).toBe('Prefixed Everything');
		expect(articles[0]).toMatchObject({title: 'Prefixes are legal', link: 'https://prefixed.example.com/legal', author: 'Ada Prefix'});
		expect(iso(articles[0])).toBe('2024-01-10T12:00:00.000Z');
		expect(articles).toHaveLength(2);
	});

	it('reads RSS 2.0 in its own default namespace', async () => {
		const {articles} = await read('ns-rss-default-namespace.xml');
		expect(articles[0]).toMatchObject({title: 'Default namespaces are fine', author: 'Lee Userland'});
	});

	it('reads RSS 1.0 with no default namespace, and with every element prefixed', async () => {
		const bare = await read('ns-rss10-no-default-namespace.xml');
		expect(bare.articles.map(article => [article.id, article.author])).toEqual([
			['https://wiki.example.org/Tide_tables', 'Quill'],
			['https://wiki.example.org/Lighthouses', null],
		]);
		const prefixed = await read('ns-rss10-prefixed-elements.xml');
		expect(prefixed.title).toBe('Prefixed Almanac');
		expect(prefixed.articles[0]).toMatchObject({id: 'https://almanac.example.net/equinox', title: 'Equinox', author: 'The Almanac'});
		expect(iso(prefixed.articles[0])).toBe('2024-03-20T03:06:00.000Z');
	});

	it('finds Dublin Core titles, creators, descriptions and dates, and DC terms dates, under any prefix', async () => {
		const {articles} = await read('ns-dc-unusual-prefixes.xml');
		expect(articles[0]).toMatchObject({
			title: 'Maps of the northern coast',
			author: 'Survey Office',
			categories: ['Cartography'],
			summary: {value: 'Twelve sheets, 1:50 000.'},
		});
		expect(articles.map(iso)).toEqual([
			'2024-02-01T09:00:00.000Z',
			'2024-01-15T09:00:00.000Z',
			'2023-12-24T09:00:00.000Z',
			'2023-12-01T09:00:00.000Z',
		]);
	});

	it('finds Dublin Core and DC terms elements in a default namespace', async () => {
		const {articles} = await read('ns-dc-default-namespace.xml');
		expect(articles[0]?.author).toBe('Noor Default');
		expect(articles.map(iso)).toEqual(['2024-04-02T14:45:00.000Z', '2024-04-01T10:00:00.000Z']);
	});

	it('finds content:encoded under another prefix and in a default namespace', async () => {
		const {articles} = await read('ns-content-unusual-prefix.xml');
		expect(text(articles[0])).toBe('The whole story, in three parts.\n\nPart two.');
		expect(text(articles[1])).toBe('Read from the content namespace.');
	});

	it('reads Atom links, dates and authors inside RSS items, prefixed or by default namespace', async () => {
		const {title, articles} = await read('ns-atom-in-rss.xml');
		expect(title).toBe('Atom Inside RSS');
		expect(articles[0]).toMatchObject({link: 'https://mixed.example.org/atom-way', author: 'Mixed Media'});
		expect(articles[1]?.link).toBe('https://mixed.example.org/default-atom');
		expect(articles.map(iso)).toEqual(['2024-05-05T05:05:05.000Z', '2024-05-04T04:04:04.000Z']);
	});

	it('reads Atom written with a prefix, its inline xhtml included', async () => {
		const {title, articles} = await read('ns-atom-prefixed-feed.xml');
		expect(title).toBe('Prefixed Atom');
		expect(articles[0]).toMatchObject({title: 'An entry with a prefix', link: 'https://prefixed-atom.example.com/1', author: 'Pat Prefix'});
		expect(articles[0]?.content.value).toContain('<p>Inline <em>XHTML</em> with its own prefix.</p>');
	});
});

describe('the older places an item keeps its text', () => {
	it('reads <xhtml:body> and <body> in the xhtml namespace as the article body, in document order', async () => {
		const {articles} = await read('old-xhtml-body.xml');
		expect(text(articles[0])).toBe('A paragraph with a link (https://bodies.example.com/ref).\n\nAnother paragraph.');
		expect(text(articles[1])).toBe('Inline markup & emphasis.');
	});

	it('reads <fullitem>, <summary>, dc:description and a lone content:encoded', async () => {
		const fullitem = await read('old-fullitem.xml');
		expect(text(fullitem.articles[0])).toBe('Everything, with markup.');
		expect(fullitem.articles[1]?.title).toBe('Only a full item here, no title at all.');
		const summary = await read('old-summary-in-rss.xml');
		expect(summary.articles.map(article => article.summary.value)).toEqual([
			'A summary element inside an RSS item.',
			'Untitled, with only a summary to show for itself.',
		]);
		const dc = await read('old-dc-description.xml');
		expect(dc.articles[1]?.title).toBe('No title, so this sentence names the item.');
		const encoded = await read('old-content-encoded-only.xml');
		expect(encoded.articles[0]?.title).toBe('Headline-less, the body speaks first. More.');
	});
});

describe('feeds without the usual wrapper', () => {
	it.each([
		['wrapper-rss-items-after-channel.xml', ['Outside, first', 'Outside, second']],
		['wrapper-rss-no-channel.xml', ['Straight under rss', 'Also under rss']],
		['wrapper-rss-items-both-sides.xml', ['Inside the channel', 'Outside the channel']],
		['wrapper-rdf-no-channel.xml', ['RDF without a channel', 'Still readable']],
		['wrapper-rdf-items-in-channel.xml', ['Nested one', 'Nested two']],
	])('reads every item of %s', async (name, titles) => {
		const {articles} = await read(name);
		expect(articles.map(article => article.title)).toEqual(titles);
	});

	it('takes the feed title from wherever the feed elements stand', async () => {
		expect((await read('wrapper-rss-no-channel.xml')).title).toBe('No Channel At All');
		expect((await read('wrapper-rss-items-after-channel.xml')).title).toBe('Items After Channel');
	});

	it("reads Microsoft's Channel Definition Format: items, abstracts, HREF links and LASTMOD dates", async () => {
		const {title, articles} = await read('wrapper-cdf.cdf');
		expect(title).toBe('Channel Definition Format');
		expect(articles[0]).toMatchObject({
			title: 'Push technology is here',
			link: 'http://cdf.example.com/news/one.html',
			summary: {value: 'Channels deliver content to your desktop.'},
		});
		expect(articles.map(iso)).toEqual(['1998-11-05T22:12:00.000Z', '1998-11-04T10:00:00.000Z']);
	});

	it('reads the items of nested CDF channels, whatever the case of their names', async () => {
		const {articles} = await read('wrapper-cdf-nested.cdf');
		expect(articles.map(article => article.link)).toEqual([
			'http://cdfnest.example.com/top.html',
			'http://cdfnest.example.com/sports/match.html',
		]);
	});
});

describe('text that looks like markup', () => {
	it("reads descriptions whose text is <!DOCTYPE or <!' without failing the feed", async () => {
		const {articles} = await read('markup-escaped-doctype-in-text.xml');
		expect(articles.map(article => article.summary.value)).toEqual([
			'<!DOCTYPE',
			"<!' and more text after it",
			'<!DOCTYPE html><html><body><p>Pasted page body.</p></body></html>',
			'<!DOCTYPE html><p>Declaration inside CDATA.</p>',
		]);
		expect(text(articles[2])).toBe('Pasted page body.');
	});

	it('removes the real declaration of the prolog and keeps the lookalike in a title', async () => {
		const {title, articles} = await read('markup-doctype-in-prolog-and-text.xml');
		expect(title).toBe('Real and Fake Declarations');
		expect(articles[0]?.title).toBe('<!DOCTYPE is just text here');
	});

	it("treats unescaped <!DOCTYPE and <!' inside an element as text", async () => {
		const feed =
			'<rss version="2.0"><channel><item><title>a</title><description><!\' it\'s odd</description></item><item><title>b <!DOCTYPE x</title></item></channel></rss>';
		const result = await parseFeed(new TextEncoder().encode(feed), 'raw.xml');
		expect(result.ok && result.articles.map(article => [article.title, article.summary.value])).toEqual([
			['a', "<!' it's odd"],
			['b <!DOCTYPE x', ''],
		]);
	});

	it('keeps the title and description of an SVG graphic in inline content', async () => {
		const {articles} = await read('markup-svg-title-desc.xml');
		expect(text(articles[0])).toBe(
			"This month's chart:\n\nRainfall, January to March\nJanuary 80 mm, February 65 mm, March 40 mm.\n\nDry spring ahead.",
		);
	});
});

describe('Atom link choice', () => {
	it('takes the alternate link, HTML first, never an enclosure, in any order and with or without a type', async () => {
		const {articles} = await read('atom-link-choice.xml');
		expect(articles.map(article => article.link)).toEqual([
			'https://links.example.com/1',
			'https://links.example.com/2',
			'https://links.example.com/3',
			'https://links.example.com/4',
			'https://links.example.com/id/5',
		]);
	});
});
