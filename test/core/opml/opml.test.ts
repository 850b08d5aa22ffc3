import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseOpml} from '../../../src/core/opml/parse-opml.js';
import type {SubscriptionEntry, SubscriptionListResult} from '../../../src/core/opml/subscription-entry.js';
import {writeOpml} from '../../../src/core/opml/write-opml.js';
import {sanitizeLine} from '../../../src/core/text/sanitize.js';

// An export in the shape other readers write: categories as outlines, feeds with type="rss".
const EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title><dateCreated>Mon, 01 Jan 2024 00:00:00 GMT</dateCreated></head>
  <body>
    <outline text="Loose" type="rss" xmlUrl="https://loose.example/feed" htmlUrl="https://loose.example/"/>
    <outline text="Tech" title="Tech">
      <outline text="Gadgets">
        <outline type="rss" text="Gadget text" title="Gadget Weekly" xmlUrl="https://gadgets.example/rss"/>
      </outline>
      <outline type="rss" text="Code &amp; Coffee" xmlUrl="https://code.example/atom.xml?a=1&amp;b=2"/>
    </outline>
    <outline text="Untitled feeds">
      <outline type="rss" text="https://bare.example/feed" xmlUrl="https://bare.example/feed"/>
      <outline type="link" text="Just a link" url="https://link.example/"/>
    </outline>
  </body>
</opml>
`;

function subscriptionsOf(result: SubscriptionListResult): SubscriptionEntry[] {
	if (!result.ok) throw new Error(result.error);
	return result.subscriptions;
}

function errorOf(result: SubscriptionListResult): string {
	if (result.ok) throw new Error('expected an error');
	expect(result.error).not.toContain('\n');
	return result.error;
}

describe('parseOpml', () => {
	it('reads feeds with their titles, site links and nested groups', () => {
		expect(parseOpml(EXPORT)).toEqual({
			ok: true,
			subscriptions: [
				{url: 'https://loose.example/feed', title: 'Loose', htmlUrl: 'https://loose.example/'},
				{url: 'https://gadgets.example/rss', title: 'Gadget Weekly', group: ['Tech', 'Gadgets']},
				{url: 'https://code.example/atom.xml?a=1&b=2', title: 'Code & Coffee', group: ['Tech']},
				{url: 'https://bare.example/feed', group: ['Untitled feeds']},
			],
			warnings: [],
		});
	});

	it('reads OPML 1.0 with lower-case attribute names, bare ampersands and a byte order mark', () => {
		const opml =
			'\uFEFF<?xml version="1.0"?><opml version="1.0"><head/><body><outline title="News & Views" xmlurl="http://news.example/rss?x=1&y=2"/></body></opml>';
		expect(subscriptionsOf(parseOpml(Buffer.from(opml)))).toEqual([{url: 'http://news.example/rss?x=1&y=2', title: 'News & Views'}]);
	});

	it('reads a Latin-1 file by its declaration', () => {
		const opml =
			'<?xml version="1.0" encoding="ISO-8859-1"?><opml version="2.0"><body><outline text="Actualités"><outline text="Café" xmlUrl="https://cafe.example/rss"/></outline></body></opml>';
		expect(subscriptionsOf(parseOpml(Buffer.from(opml, 'latin1')))).toEqual([
			{url: 'https://cafe.example/rss', title: 'Café', group: ['Actualités']},
		]);
	});

	it('keeps the first listing of a feed listed in two groups, and says so', () => {
		const opml =
			'<opml version="2.0"><body><outline text="A"><outline text="F" xmlUrl="https://f.example/"/></outline><outline text="B"><outline text="F" xmlUrl="https://f.example/"/></outline></body></opml>';
		expect(parseOpml(opml)).toEqual({
			ok: true,
			subscriptions: [{url: 'https://f.example/', title: 'F', group: ['A']}],
			warnings: ['1 feed was listed more than once; the first listing was kept'],
		});
	});

	it('warns when a well-formed file lists no feeds', () => {
		expect(parseOpml('<opml version="2.0"><head/><body/></opml>')).toEqual({ok: true, subscriptions: [], warnings: ['no feeds found']});
	});

	it('refuses malformed XML with the line where it breaks', () => {
		expect(errorOf(parseOpml('<opml version="2.0">\n<body>\n<outline text="x">\n</body></opml>'))).toBe(
			'OPML is malformed: unexpected close tag (line 4)',
		);
		expect(errorOf(parseOpml('<opml version="2.0">\n<body>\n<outline text="x"/>'))).toBe(
			'OPML is malformed: unexpected end of document (line 3)',
		);
	});

	it('says what a file is when it is not OPML', () => {
		expect(errorOf(parseOpml(''))).toBe('not an OPML file: it is empty');
		expect(errorOf(parseOpml('https://example.org/feed.xml\n'))).toBe('not an OPML file: it does not start with an XML tag');
		expect(errorOf(parseOpml('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'))).toBe(
			'not an OPML file: it is a feed (add it with flashnews add)',
		);
		expect(errorOf(parseOpml('<!DOCTYPE html><html><body></body></html>'))).toBe('not an OPML file: it is a web page');
		expect(errorOf(parseOpml('<settings/>'))).toBe('not an OPML file: the root element is <settings>, not <opml>');
		expect(errorOf(parseOpml('<opml version="2.0"><head/></opml>'))).toBe('not an OPML file: <opml> has no <body>');
	});
});

describe('writeOpml', () => {
	it('writes OPML 2.0 with groups as nested outlines and every special character escaped', () => {
		const opml = writeOpml(
			[
				{url: 'https://a.example/rss?x=1&y=2', title: 'Tom & Jerry <"live">', group: ['Fun & Games']},
				{url: 'https://b.example/rss', htmlUrl: 'https://b.example/'},
			],
			{dateCreated: new Date(Date.UTC(2024, 0, 2))},
		);
		expect(opml).toBe(
			[
				'<?xml version="1.0" encoding="UTF-8"?>',
				'<opml version="2.0">',
				'\t<head>',
				'\t\t<title>flashnews subscriptions</title>',
				'\t\t<dateCreated>Tue, 02 Jan 2024 00:00:00 GMT</dateCreated>',
				'\t</head>',
				'\t<body>',
				'\t\t<outline text="Fun &amp; Games" title="Fun &amp; Games">',
				'\t\t\t<outline type="rss" text="Tom &amp; Jerry &lt;&quot;live&quot;&gt;" title="Tom &amp; Jerry &lt;&quot;live&quot;&gt;" xmlUrl="https://a.example/rss?x=1&amp;y=2"/>',
				'\t\t</outline>',
				'\t\t<outline type="rss" text="https://b.example/rss" xmlUrl="https://b.example/rss" htmlUrl="https://b.example/"/>',
				'\t</body>',
				'</opml>',
				'',
			].join('\n'),
		);
	});

	it('leaves out characters XML cannot hold instead of writing a file nothing can read', () => {
		const opml = writeOpml([{url: 'https://c.example/', title: 'Bell\u0007 and lone \uD800 surrogate'}]);
		expect(subscriptionsOf(parseOpml(opml))).toEqual([{url: 'https://c.example/', title: 'Bell and lone surrogate'}]);
	});
});

const cleanText = fc
	.string({unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", 'é', '中', '😀', '/', '#', '='), minLength: 1, maxLength: 12})
	.map(text => sanitizeLine(text))
	.filter(text => text !== '');

const subscriptionList = fc.uniqueArray(
	fc.record(
		{
			url: fc.webUrl({withQueryParameters: true, withFragments: true}),
			title: cleanText,
			group: fc.array(cleanText, {minLength: 1, maxLength: 3}),
			htmlUrl: fc.webUrl(),
		},
		{requiredKeys: ['url']},
	),
	{selector: subscription => subscription.url, maxLength: 12},
);

function byUrl(subscriptions: SubscriptionEntry[]): SubscriptionEntry[] {
	return [...subscriptions].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

describe('OPML round trip', () => {
	it('gives back the same subscriptions, titles and groups after export and import', () => {
		fc.assert(
			fc.property(subscriptionList, subscriptions => {
				// A title equal to the URL says nothing; the exporter writes such feeds without one.
				const expected = subscriptions.map(({title, ...rest}) => (title === undefined || title === rest.url ? rest : {...rest, title}));
				const imported = subscriptionsOf(parseOpml(Buffer.from(writeOpml(subscriptions))));
				expect(byUrl(imported)).toEqual(byUrl(expected));
			}),
			{numRuns: 200},
		);
	});

	it('imports the same list twice over: export of an import is the same document', () => {
		const once = subscriptionsOf(parseOpml(EXPORT));
		const twice = subscriptionsOf(parseOpml(writeOpml(once)));
		expect(twice).toEqual(once);
		expect(writeOpml(twice)).toBe(writeOpml(once));
	});
});
