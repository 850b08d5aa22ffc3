import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {FeedError} from '../../../src/core/feed-error.js';
import {MAX_ELEMENT_DEPTH, MAX_FEED_TEXT_LENGTH} from '../../../src/core/limits.js';
import {decodeFeedBytes} from '../../../src/core/text/decode-bytes.js';
import {parseXmlFeed} from '../../../src/core/xml/parse-xml-feed.js';
import {repairXml, repairXmlDocument} from '../../../src/core/xml/repair.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/xml/${name}`, import.meta.url));
const parseFixture = (name: string) => parseXmlFeed(decodeFeedBytes(fixture(name)));

async function failure(promise: Promise<unknown>): Promise<FeedError> {
	const error: unknown = await promise.then(
		() => undefined,
		(reason: unknown) => reason,
	);
	expect(error).toBeInstanceOf(FeedError);
	const feedError = error as FeedError;
	expect(feedError.message).not.toMatch(/[\r\n]/);
	return feedError;
}

function nested(depth: number): string {
	return `<rss version="2.0"><channel><title>Deep</title><item><title>x</title>${'<d>'.repeat(depth)}${'</d>'.repeat(depth)}</item></channel></rss>`;
}

describe('repairXml', () => {
	it('escapes a bare ampersand in text and attributes but keeps valid references', () => {
		expect(repairXml('<a href="?a=1&b=2">AT&T &amp; &#38; &#x26; &lt;</a>')).toBe(
			'<a href="?a=1&amp;b=2">AT&amp;T &amp; &#38; &#x26; &lt;</a>',
		);
	});

	it('turns HTML named entities into numeric references and unknown names into text', () => {
		expect(repairXml('<a t="&eacute;">&nbsp;&mdash;&NotEqualTilde;&madeup;</a>')).toBe(
			'<a t="&#233;">&#160;&#8212;&#8770;&#824;&amp;madeup;</a>',
		);
	});

	it('leaves CDATA sections, comments and processing instructions as written', () => {
		const document = '<?xml version="1.0"?><a><!-- AT&T < --><![CDATA[AT&T &nbsp; <b>]]><?pi a&b?></a>';
		expect(repairXml(document)).toBe(document);
	});

	it('escapes a < that cannot start markup', () => {
		expect(repairXml('<a>1 < 2 and 3 <= 4 <</a>')).toBe('<a>1 &lt; 2 and 3 &lt;= 4 &lt;</a>');
	});

	it('replaces references to characters XML forbids, keeping C0 controls as raw characters', () => {
		expect(repairXml('<a>&#0;&#x1B;&#xD800;&#1114112;&#xFFFE;&#65;</a>')).toBe('<a>\uFFFD\u001B\uFFFD\uFFFD\uFFFD&#65;</a>');
	});

	it('removes a DOCTYPE with its internal subset but keeps the line count', () => {
		const document = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "]>">\n<!-- ] > -->\n]>\n<rss/>';
		const repaired = repairXmlDocument(document);
		expect(repaired.xml).toBe('<?xml version="1.0"?>\n\n\n\n\n<rss/>');
		expect(repaired.doctypeName).toBe('rss');
		expect(repaired.rootName).toBe('rss');
	});

	it('treats <! inside an element as text, and removes declarations only outside the root', () => {
		expect(repairXml("<rss><channel><item><description><!' x <!DOCTYPE y></description></item></channel></rss>")).toBe(
			"<rss><channel><item><flashnews-description>&lt;!' x &lt;!DOCTYPE y></flashnews-description></item></channel></rss>",
		);
		expect(repairXmlDocument('<!DOCTYPE html><feed/>').doctypeName).toBe('html');
		expect(repairXmlDocument('<feed><title><!DOCTYPE html></title></feed>').doctypeName).toBeUndefined();
	});

	it('gives every RSS-family document one channel holding the feed elements and all items', () => {
		expect(repairXml('<rss><channel><title>T</title></channel><item/></rss>')).toBe(
			'<rss><channel><title>T</title><item/></channel></rss>',
		);
		expect(repairXml('<rdf:RDF a="1"><channel rdf:about="c"><title>T</title></channel><item/></rdf:RDF>')).toBe(
			'<rss a="1"><channel><flashnews-channel rdf:about="c"/><title>T</title><item/></channel></rss>',
		);
		expect(repairXml('<CHANNEL HREF="h"><ITEM HREF="i"><TITLE>x</TITLE></ITEM></CHANNEL>')).toBe(
			'<rss><channel><flashnews-channel HREF="h"/><item HREF="i"><title>x</title></item></channel></rss>',
		);
		expect(repairXmlDocument('<rss><item/><item>x</item></rss>')).toMatchObject({dialect: 'rss', itemCount: 2, emptyItems: [0]});
	});

	it('hides Atom dates, links and content from rss-parser under their own names', () => {
		const repaired = repairXml('<feed><link/><entry><updated>yesterday</updated><link rel="x"/><content>c</content></entry></feed>');
		expect(repaired).toBe(
			'<feed flashnews-element=""><flashnews-link/><entry flashnews-element=""><flashnews-updated>yesterday</flashnews-updated><flashnews-link rel="x"/><flashnews-content>c</flashnews-content></entry></feed>',
		);
	});

	it('renames nothing in an RSS feed except item bodies', () => {
		const repaired = repairXml(
			'<rss><channel><description>d</description><link>l</link><item><description>x</description><content:encoded>y</content:encoded><updated>u</updated></item></channel></rss>',
		);
		expect(repaired).toBe(
			'<rss><channel><description>d</description><link>l</link><item><flashnews-description>x</flashnews-description><flashnews-content-encoded>y</flashnews-content-encoded><updated>u</updated></item></channel></rss>',
		);
	});

	it('wraps Atom xhtml content in CDATA, escaping what would end it early', () => {
		const repaired = repairXml(
			'<feed><entry><title type="xhtml"><div>a ]]> b<br>c<![CDATA[<x>]]><!-- gone --></div></title></entry></feed>',
		);
		expect(repaired).toBe(
			'<feed flashnews-element=""><entry flashnews-element=""><title type="xhtml"><![CDATA[<div>a ]]]]><![CDATA[> b<br>c&lt;x&gt;</div>]]></title></entry></feed>',
		);
	});

	it('removes items beyond maxItems, with everything inside them, and counts them', () => {
		const repaired = repairXmlDocument(
			'<rss><channel><item><title>1</title></item><item/><item><title>3 & <b>bold</b></title></item></channel></rss>',
			{maxItems: 1},
		);
		expect(repaired.xml).toBe('<rss><channel><item><title>1</title></item></channel></rss>');
		expect(repaired.itemCount).toBe(3);
		expect(repaired.droppedItems).toBe(2);
	});

	it('tells when another element stands between two items, beside them', () => {
		const interleaved = (channel: string) => repairXmlDocument(`<rss><channel>${channel}</channel></rss>`).interleaved;
		expect(interleaved('<title>T</title><item><title>1</title></item><item/><link>x</link>')).toBe(false);
		expect(interleaved('<item><title>1</title><link>in the item</link></item><item/>')).toBe(false);
		expect(interleaved('<item/><link>x</link><item/>')).toBe(true);
		const atom = (body: string) => repairXmlDocument(`<feed xmlns="http://www.w3.org/2005/Atom">${body}</feed>`).interleaved;
		expect(atom('<title>T</title><entry><id>1</id></entry><entry><id>2</id></entry><updated>x</updated>')).toBe(false);
		expect(atom('<entry><id>1</id></entry><author><name>A</name></author><entry><id>2</id></entry>')).toBe(true);
	});

	it('changes nothing in a document that needs no repair but where its channel tags stand', () => {
		const document = readFileSync(new URL('../../fixtures/xml/rss2-typical.xml', import.meta.url), 'utf8').replace(
			/description/g,
			'summary',
		);
		const moved = document
			.replace(/(<rss[^>]*>)/, '$1<channel>')
			.replace('  <channel>', '  ')
			.replace('  </channel>', '  ')
			.replace('</rss>', '</channel></rss>');
		expect(repairXml(document)).toBe(moved);
	});
});

describe('hostile and broken documents', () => {
	it('does not expand a billion-laughs entity bomb', async () => {
		const feed = await parseFixture('billion-laughs.xml');
		expect(feed.title).toBe('Laughing &lol9;');
		expect(feed.items[0]?.title?.value).toBe('Expansion attempt &lol9;&lol9;');
		expect(JSON.stringify(feed).length).toBeLessThan(1000);
	});

	it('never resolves an external entity', async () => {
		const feed = await parseFixture('xxe.xml');
		const serialized = JSON.stringify(feed);
		expect(serialized).not.toMatch(/root:|nologin|attacker/);
		expect(feed.title).toBe('Innocent &secret;');
		expect(feed.items[0]?.title?.value).toBe('Read &secret; please');
		expect(feed.items[0]?.content?.value).toBe('&secret;&quoted;');
	});

	it('does not process a DOCTYPE, entity bomb or external entity written inside the document', async () => {
		const feed = await parseXmlFeed(
			'<rss version="2.0"><channel><title>T</title><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;"><!ENTITY s SYSTEM "file:///etc/passwd">]><item><title>&b; &s;</title></item></channel></rss>',
		);
		expect(feed.items).toHaveLength(1);
		expect(feed.items[0]?.title?.value).toBe('&b; &s;');
		expect(JSON.stringify(feed)).not.toMatch(/aaaa|root:/);
	});

	it('rejects nesting deeper than the limit with a clear error instead of overflowing the stack', async () => {
		const error = await failure(parseXmlFeed(nested(100_000)));
		expect(error.message).toBe(`XML is nested too deeply (more than ${MAX_ELEMENT_DEPTH} levels)`);
	});

	it('accepts nesting just within the limit', async () => {
		// rss, channel and item are three of the levels.
		const feed = await parseXmlFeed(nested(MAX_ELEMENT_DEPTH - 3));
		expect(feed.items[0]?.title?.value).toBe('x');
		await failure(parseXmlFeed(nested(MAX_ELEMENT_DEPTH - 2)));
	});

	it('reports a truncated document as malformed, with the line where it ends', async () => {
		const error = await failure(parseFixture('truncated.xml'));
		expect(error.message).toBe('XML is malformed: unexpected end of document (line 12)');
	});

	it('reports mismatched tags as malformed', async () => {
		const error = await failure(parseXmlFeed('<rss version="2.0">\n<channel>\n<title>x</channel>\n</rss>'));
		expect(error.message).toMatch(/^XML is malformed: .+ \(line 3\)$/);
	});

	it('recognises an HTML page', async () => {
		const error = await failure(parseFixture('page.html'));
		expect(error.message).toBe('not a feed: looks like an HTML page');
		const bare = await failure(parseXmlFeed('<html><body><p>hello</p></body></html>'));
		expect(bare.message).toBe('not a feed: looks like an HTML page');
	});

	it('recognises binary garbage', async () => {
		const garbage = Uint8Array.from({length: 2048}, (_, index) => (index * 73 + 11) % 256);
		garbage[0] = 0x89;
		const error = await failure(parseXmlFeed(decodeFeedBytes(garbage)));
		expect(error.message).toBe('not a feed: the data is binary, not text');
	});

	it('recognises an empty or blank document', async () => {
		expect((await failure(parseFixture('empty.xml'))).message).toBe('not a feed: the document is empty');
		expect((await failure(parseXmlFeed(' \n\t\uFEFF'))).message).toBe('not a feed: the document is empty');
	});

	it('names the root element of XML that is not a feed', async () => {
		const error = await failure(parseXmlFeed('<?xml version="1.0"?><opml version="2.0"><body/></opml>'));
		expect(error.message).toBe('not a feed: the root element is <opml>, not <rss>, <feed> or <rdf:RDF>');
	});

	it('says so when the text is JSON or prose rather than XML', async () => {
		expect((await failure(parseXmlFeed('{"items": []}'))).message).toBe('not a feed: looks like JSON, not XML');
		expect((await failure(parseXmlFeed('Service unavailable'))).message).toBe('not a feed: the document does not start with an XML tag');
	});

	it('reports an RSS document with nothing inside, and reads an empty Atom feed as having no entries', async () => {
		expect((await failure(parseXmlFeed('<rss/>'))).message).toBe('not a feed: the <rss> element is empty');
		expect(await parseXmlFeed('<feed/>')).toEqual({items: [], warnings: []});
		expect((await failure(parseXmlFeed('<rss version="2.0"/>'))).message).toBe('not a feed: <rss> has no <channel>');
		expect(await parseXmlFeed('<rss version="2.0"></rss>')).toEqual({items: [], warnings: []});
	});

	it('refuses text over the size limit before parsing it', async () => {
		const error = await failure(parseXmlFeed(' '.repeat(MAX_FEED_TEXT_LENGTH + 1)));
		expect(error.message).toBe('feed is too large (201 MB; limit 200 MB)');
	});

	it('survives Atom entries and feeds that hold only text or nothing, skipping the wholly empty entries', async () => {
		const feed = await parseXmlFeed(
			'<feed><title>F</title><entry/><entry>just text</entry><entry>  </entry><entry><id>real</id></entry></feed>',
		);
		expect(feed.items).toEqual([{}, {id: 'real'}]);
		expect(feed.warnings).toEqual(['2 empty items were skipped']);
		expect((await parseXmlFeed('<feed>only text</feed>')).items).toEqual([]);
	});

	it('does not let element names reach object prototypes', async () => {
		const feed = await parseXmlFeed(
			'<rss version="2.0"><channel><title>p</title><item><__proto__><polluted>yes</polluted></__proto__><constructor>c</constructor><title>ok</title></item></channel></rss>',
		);
		expect(feed.items[0]?.title?.value).toBe('ok');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
