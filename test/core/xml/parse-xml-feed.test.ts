import {readFileSync} from 'node:fs';
import iconv from 'iconv-lite';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {RawFeed} from '../../../src/core/articles/raw-feed.js';
import {decodeFeedBytes} from '../../../src/core/text/decode-bytes.js';
import {parseXmlFeed} from '../../../src/core/xml/parse-xml-feed.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/xml/${name}`, import.meta.url));
const parseFixture = (name: string) => parseXmlFeed(decodeFeedBytes(fixture(name)));
const rss = (items: string, channel = '<title>T</title>') =>
	`<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

/** Every field has the type RawFeed promises: strings, booleans, string arrays — never objects. */
function expectWellTyped(feed: RawFeed): void {
	for (const key of ['title', 'link', 'base'] as const) {
		if (feed[key] !== undefined) expect(typeof feed[key]).toBe('string');
	}
	for (const item of feed.items) {
		for (const key of ['id', 'link', 'author', 'base', 'section'] as const) {
			if (item[key] !== undefined) expect(typeof item[key]).toBe('string');
		}
		if (item.published !== undefined) expect(['string', 'number']).toContain(typeof item.published);
		for (const key of ['title', 'summary', 'content'] as const) {
			const text = item[key];
			if (text !== undefined) {
				expect(typeof text.value).toBe('string');
				expect(typeof text.html).toBe('boolean');
			}
		}
		for (const category of item.categories ?? []) expect(typeof category).toBe('string');
	}
}

describe('parseXmlFeed with RSS 2.0', () => {
	it('reads a typical feed: titles, links, guids, dates, authors, categories and descriptions', async () => {
		const feed = await parseFixture('rss2-typical.xml');
		expectWellTyped(feed);
		expect(feed.title).toBe('Harbour Town Gazette');
		expect(feed.link).toBe('https://gazette.example.org/');
		expect(feed.warnings).toEqual([]);
		expect(feed.items).toHaveLength(3);
		expect(feed.items[0]).toEqual({
			id: 'gazette-1042',
			title: {value: 'Ferry timetable changes for the winter', html: false},
			link: 'https://gazette.example.org/2024/ferry-winter',
			author: 'desk@gazette.example.org (News Desk)',
			published: 'Tue, 05 Nov 2024 08:30:00 +0000',
			summary: {value: 'The last evening crossing moves to 19:40 from December.', html: false},
			categories: ['Transport', 'Local'],
		});
	});

	it('marks a description holding escaped markup as HTML and trims links written over several lines', async () => {
		const feed = await parseFixture('rss2-typical.xml');
		expect(feed.items[1]?.link).toBe('https://gazette.example.org/2024/lighthouse');
		expect(feed.items[1]?.summary).toEqual({value: '<p>More than <b>600</b> visitors climbed the tower.</p>', html: true});
	});

	it('uses a permalink guid as the link when an item has no <link>', async () => {
		const feed = await parseFixture('rss2-typical.xml');
		expect(feed.items[2]?.link).toBe('https://gazette.example.org/2024/market-indoors');
		const notPermalink = await parseXmlFeed(rss('<item><title>x</title><guid isPermaLink="false">https://a.example/1</guid></item>'));
		expect(notPermalink.items[0]?.link).toBeUndefined();
		expect(notPermalink.items[0]?.id).toBe('https://a.example/1');
	});

	it('reads content:encoded as HTML content and dc:creator as the author', async () => {
		const feed = await parseFixture('rss2-content-encoded.xml');
		expectWellTyped(feed);
		const [first, second] = feed.items;
		expect(first?.content).toEqual({
			value: '<p>File the edge <em>square</em> first.</p><p>Then burnish at a slight angle.</p>',
			html: true,
		});
		expect(first?.summary).toEqual({value: 'Burnish, then turn the hook.', html: false});
		expect(first?.author).toBe('Rosa Lindqvist');
		expect(first?.published).toBe('2024-03-18T09:12:00Z');
		expect(second?.author).toBe('Rosa Lindqvist, Tomas Berg');
		expect(second?.content).toEqual({value: '<p>Written together.</p>', html: true});
	});

	it('reads <rss> without a version attribute as RSS', async () => {
		const feed = await parseFixture('rss-no-version.xml');
		expect(feed.title).toBe('Versionless');
		expect(feed.items).toEqual([
			{title: {value: 'The root element forgot its version', html: false}, link: 'http://versionless.example.com/one'},
		]);
	});

	it('reads RSS 0.91', async () => {
		const feed = await parseFixture('rss091.xml');
		expect(feed.title).toBe('Old School Weekly');
		expect(feed.items.map(item => item.link)).toEqual([
			'http://oldschool.example.com/modems.html',
			'http://oldschool.example.com/guestbooks.html',
		]);
	});

	it('keeps untitled items, leaving their title out', async () => {
		const feed = await parseFixture('untitled-items.xml');
		expect(feed.items).toHaveLength(3);
		for (const item of feed.items) expect(item.title).toBeUndefined();
		expect(feed.items[0]?.summary?.value).toBe('Short status without a title.');
		expect(feed.items[2]?.link).toBe('https://status.example.com/s/3');
	});

	it('keeps double-escaped markup as HTML source for normalization to decode', async () => {
		const feed = await parseFixture('double-escaped.xml');
		expect(feed.items[0]?.title).toEqual({value: 'Use &lt;b&gt; for bold', html: true});
		expect(feed.items[1]?.title).toEqual({value: 'Ben &amp; Jerry', html: true});
	});

	it('returns only strings where strings are promised, whatever shape the elements have', async () => {
		const feed = await parseXmlFeed(
			rss(
				`<item><title type="plain"/><guid/><link/><author><name>Nested</name></author>` +
					`<category domain="d"/><category><b>bold</b> cat</category><pubDate zone="utc">2024-01-01</pubDate>` +
					`<description><p>unescaped <b>markup</b></p></description></item>` +
					`<item><title lang="en">Attributed title</title><guid isPermaLink="false"></guid><link href="https://h.example/x"/></item>`,
				'<title type="x"><b>Bold</b> channel</title><link rel="self" href="https://h.example/feed"/><link>https://h.example/</link>',
			),
		);
		expectWellTyped(feed);
		// Unescaped markup inside an RSS element loses its order in xml2js; the words survive.
		expect(feed.title?.split(/\s+/).sort()).toEqual(['', 'Bold', 'channel'].sort());
		expect(feed.link).toBe('https://h.example/');
		expect(feed.items[0]?.author).toBe('Nested');
		expect(feed.items[0]?.published).toBe('2024-01-01');
		expect(feed.items[0]?.categories?.[0]?.split(' ').sort()).toEqual(['bold', 'cat']);
		expect(feed.items[0]?.summary?.value).toContain('markup');
		expect(feed.items[1]).toEqual({title: {value: 'Attributed title', html: false}, link: 'https://h.example/x'});
	});
});

describe('parseXmlFeed with RSS 1.0 and Atom', () => {
	it('reads RSS 1.0 (RDF), using rdf:about as the id', async () => {
		const feed = await parseFixture('rss1-rdf.xml');
		expectWellTyped(feed);
		expect(feed.title).toBe('Observatory Bulletin');
		expect(feed.link).toBe('http://observatory.example.edu/');
		expect(feed.items[0]).toEqual({
			id: 'http://observatory.example.edu/comet',
			title: {value: 'A faint comet near Cassiopeia', html: false},
			link: 'http://observatory.example.edu/comet',
			author: 'Night shift',
			published: '2023-12-02T23:40:00+01:00',
			summary: {value: 'Magnitude 11, moving slowly north.', html: false},
			categories: ['Comets'],
		});
		expect(feed.items).toHaveLength(2);
	});

	it('reads Atom 1.0 html titles as HTML and keeps xml:base for relative links', async () => {
		const feed = await parseFixture('atom1-rich.xml');
		expectWellTyped(feed);
		expect(feed.title).toBe('Tidepool Radio');
		expect(feed.base).toBe('https://podcasts.example.com/tidepool/');
		expect(feed.link).toBe('./');
		expect(feed.items[0]).toEqual({
			id: 'tag:podcasts.example.com,2024:tidepool-12',
			title: {value: 'Crabs &amp; <b>barnacles</b>', html: true},
			link: '12.html',
			author: 'Marit Havsdal',
			published: '2024-06-30T18:00:00+02:00',
			summary: {value: 'Who lives on the rocks between tides.', html: false},
			content: {value: '<p>We counted <em>four</em> species.</p>', html: true},
			categories: ['Marine biology', 'field-trips'],
			base: 'episodes/',
		});
	});

	it('flattens Atom xhtml titles and content to markup strings in document order', async () => {
		const feed = await parseFixture('atom1-rich.xml');
		const entry = feed.items[1];
		expect(entry?.title?.html).toBe(true);
		expect(entry?.title?.value.trim()).toBe('<div xmlns="http://www.w3.org/1999/xhtml">Anemones <em>up close</em></div>');
		expect(entry?.content?.value).toContain('<p>Stinging cells, <a href="nematocysts.html">explained</a>.</p><p>Second paragraph.</p>');
		expect(entry?.author).toBe('Guest Host');
		expect(entry?.published).toBe('2024-06-16T18:00:00Z');
	});

	it('respects an explicit Atom text type and skips content given only by reference', async () => {
		const feed = await parseFixture('atom1-rich.xml');
		const entry = feed.items[2];
		expect(entry?.title).toEqual({value: 'Plain <text> title', html: false});
		expect(entry?.link).toBe('https://elsewhere.example.org/article');
		expect(entry?.content).toBeUndefined();
		expect(entry?.author).toBe('Marit Havsdal');
	});

	it('reads Atom 0.3 with its issued date, inline xhtml and escaped html', async () => {
		const feed = await parseFixture('atom03.xml');
		expect(feed.title).toBe('Early Adopter Log');
		expect(feed.link).toBe('http://early.example.com/');
		const [entry] = feed.items;
		expect(entry?.published).toBe('2004-06-01T11:00:00-05:00');
		expect(entry?.content).toEqual({value: '<div xmlns="http://www.w3.org/1999/xhtml">It has <em>real</em> dates.</div>', html: true});
		expect(entry?.summary).toEqual({value: 'It has <em>real</em> dates.', html: true});
		expect(entry?.author).toBe('Pat Early');
	});

	it('keeps an unparsable Atom date as written and ignores links without href and an empty id', async () => {
		const feed = await parseFixture('atom-broken.xml');
		expectWellTyped(feed);
		expect(feed.link).toBe('https://careless.example.io/');
		expect(feed.items[0]).toEqual({
			title: {value: 'Dated in words', html: false},
			link: 'https://careless.example.io/words',
			published: 'yesterday',
			summary: {value: 'The date is not a date.', html: false},
		});
		expect(feed.items[1]?.published).toBe('2024-01-09T10:00:00Z');
		expect(feed.items[1]?.link).toBe('https://careless.example.io/text-link');
	});
});

describe('parseXmlFeed with Atom 0.3 modes and link choice', () => {
	const atom03 = (entry: string) =>
		parseXmlFeed(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title><entry>${entry}</entry></feed>`);

	it('leaves text that is not valid base64 of UTF-8 as written', async () => {
		const feed = await atom03('<title mode="base64">not base64!</title><summary mode="base64" type="text/plain">//79</summary>');
		expect(feed.items[0]?.title?.value).toBe('not base64!');
		expect(feed.items[0]?.summary?.value).toBe('//79');
	});

	it('reads a base64 body of an HTML type as HTML and of a text type as text', async () => {
		const html = Buffer.from('<p>Hi</p>').toString('base64');
		const feed = await atom03(
			`<content type="text/html" mode="base64">${html}</content><summary type="text/plain" mode="base64">${html}</summary>`,
		);
		expect(feed.items[0]?.content).toEqual({value: '<p>Hi</p>', html: true});
		expect(feed.items[0]?.summary).toEqual({value: '<p>Hi</p>', html: false});
	});

	it('never takes an enclosure, the feed itself or an API link as the article link', async () => {
		const feed = await parseXmlFeed(
			'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:x:1</id><link rel="enclosure" href="a.mp3"/><link rel="self" href="self.atom"/><link rel="edit" href="api"/></entry>' +
				'<entry><id>urn:x:2</id><link rel="enclosure" href="b.mp3"/><link rel="related" href="elsewhere.html"/></entry></feed>',
		);
		expect(feed.items.map(item => item.link)).toEqual([undefined, 'elsewhere.html']);
	});
});

describe('parseXmlFeed with sloppy markup and legacy encodings', () => {
	it('reads bare ampersands as text, in elements and attributes, leaving CDATA untouched', async () => {
		const feed = await parseFixture('bare-ampersands.xml');
		expect(feed.title).toBe('AT&T & Friends');
		expect(feed.link).toBe('https://telecom.example.com/?lang=en&region=eu');
		expect(feed.items[0]?.title?.value).toBe('Q&A: fibre & copper');
		expect(feed.items[0]?.link).toBe('https://telecom.example.com/read?id=7&ref=rss&utm=x');
		expect(feed.items[0]?.summary?.value).toBe('Tom & Jerry & co. & more & &unknownthing; R&D');
		expect(feed.items[0]?.categories).toEqual(['Q&A']);
		expect(feed.items[1]?.title?.value).toBe('CDATA keeps AT&T and &amp; as written');
	});

	it('decodes undeclared HTML named entities', async () => {
		const feed = await parseFixture('html-entities.xml');
		expect(feed.title).toBe('Café\u00A0Culture');
		expect(feed.items[0]?.title?.value).toBe('Crème brûlée — a short history…');
		expect(feed.items[0]?.link).toBe('https://cafe.example.fr/creme?a=1&b=2');
		expect(feed.items[0]?.summary).toEqual({value: '<p>Caramel &amp; custard</p> © ™ ½ €5', html: true});
		expect(feed.items[0]?.categories).toEqual(['Pâtisserie']);
	});

	it('reads a windows-1252 feed without any declaration', async () => {
		const bytes = Buffer.concat([
			Buffer.from('<rss version="2.0"><channel><title>Caf', 'latin1'),
			Buffer.from([0xe9]),
			Buffer.from('</title><item><title>', 'latin1'),
			Buffer.from([0x93]),
			Buffer.from('Quoted', 'latin1'),
			Buffer.from([0x94, 0x20, 0x96, 0x20, 0x80]),
			Buffer.from('5</title></item></channel></rss>', 'latin1'),
		]);
		const feed = await parseXmlFeed(decodeFeedBytes(bytes));
		expect(feed.title).toBe('Café');
		expect(feed.items[0]?.title?.value).toBe('\u201CQuoted\u201D \u2013 €5');
	});

	it('reads a feed declared as ISO-8859-1', async () => {
		const bytes = Buffer.concat([
			Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>Sm', 'latin1'),
			Buffer.from([0xf6, 0x72, 0x67, 0xe5, 0x73]),
			Buffer.from('bord</title><item><title>Fj', 'latin1'),
			Buffer.from([0xe4, 0x6c, 0x6c]),
			Buffer.from('</title></item></channel></rss>', 'latin1'),
		]);
		const feed = await parseXmlFeed(decodeFeedBytes(bytes));
		expect(feed.title).toBe('Smörgåsbord');
		expect(feed.items[0]?.title?.value).toBe('Fjäll');
	});

	it('reads a UTF-16 feed with a byte order mark', async () => {
		const document =
			'<?xml version="1.0" encoding="UTF-16"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ωmega</title><entry><id>1</id><title>日本語</title></entry></feed>';
		const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(document, 'utf16le')]);
		const big = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(document, 'utf-16be')]);
		for (const bytes of [little, big]) {
			const feed = await parseXmlFeed(decodeFeedBytes(bytes));
			expect(feed.title).toBe('Ωmega');
			expect(feed.items[0]?.title?.value).toBe('日本語');
		}
	});

	it('keeps control characters and escape sequences in titles for normalization to strip', async () => {
		const feed = await parseXmlFeed(rss('<item><title>Red \u001B[31malert\u001B[0m \u0007bell \u0001 &#x1b;]0;x&#7; &#0;</title></item>'));
		expect(feed.items[0]?.title?.value).toBe('Red \u001B[31malert\u001B[0m \u0007bell \u0001 \u001B]0;x\u0007 \uFFFD');
	});
});

describe('parseXmlFeed limits and item failures', () => {
	afterEach(() => {
		vi.doUnmock('../../../src/core/xml/feed-fields.js');
		vi.resetModules();
	});

	it('keeps the first maxItems items and says how many were dropped', async () => {
		const items = Array.from({length: 5}, (_, index) => `<item><title>Item ${index}</title></item>`).join('');
		const feed = await parseXmlFeed(rss(items), {maxItems: 3});
		expect(feed.items.map(item => item.title?.value)).toEqual(['Item 0', 'Item 1', 'Item 2']);
		expect(feed.warnings).toEqual(['the feed has 5 items; only the first 3 were kept']);
	});

	it('applies maxItems to Atom entries and RSS 1.0 items as well', async () => {
		const entries = Array.from({length: 4}, (_, index) => `<entry><id>e${index}</id><title>Entry ${index}</title></entry>`).join('');
		const atom = await parseXmlFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entries}</feed>`, {maxItems: 2});
		expect(atom.items.map(item => item.id)).toEqual(['e0', 'e1']);
		expect(atom.warnings).toEqual(['the feed has 4 items; only the first 2 were kept']);
		const rdfItems = Array.from(
			{length: 3},
			(_, index) => `<item rdf:about="https://r.example/${index}"><title>R${index}</title></item>`,
		).join('');
		const rdf = await parseXmlFeed(
			`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel><title>R</title></channel>${rdfItems}</rdf:RDF>`,
			{maxItems: 1},
		);
		expect(rdf.items.map(item => item.id)).toEqual(['https://r.example/0']);
		expect(rdf.warnings).toEqual(['the feed has 3 items; only the first 1 were kept']);
	});

	it('skips an item whose mapping throws, with a one-line warning, and keeps the rest', async () => {
		vi.resetModules();
		vi.doMock('../../../src/core/xml/feed-fields.js', async importOriginal => {
			const original = await importOriginal<typeof import('../../../src/core/xml/feed-fields.js')>();
			return {
				...original,
				categoryNames: (...values: unknown[]) => {
					const names = original.categoryNames(...values);
					if (names.includes('explode')) throw new Error('mapping failed\non two lines');
					return names;
				},
			};
		});
		const {parseXmlFeed: parseWithFaultyMapping} = await import('../../../src/core/xml/parse-xml-feed.js');
		const feed = await parseWithFaultyMapping(
			rss('<item><title>A</title></item><item><title>B</title><category>explode</category></item><item><title>C</title></item>'),
		);
		expect(feed.items.map(item => item.title?.value)).toEqual(['A', 'C']);
		expect(feed.warnings).toEqual(['skipped item 2: mapping failed on two lines']);
	});
});
