import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Article, FeedResult} from '../../src/core/articles/article.js';
import {parseFeed} from '../../src/core/parse-feed.js';

// Whatever bytes arrive, parseFeed answers with a FeedResult, and nothing a feed says can put a
// terminal control into an Article: newlines only in bodies, no C0/C1/bidi controls anywhere.
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\n\r\t]/;
const SETTINGS = {seed: 20_240_503, numRuns: 150};

const encoder = new TextEncoder();
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

const VALID_FEEDS = [
	fixture('json/jsonfeed-1.0.json'),
	fixture('json/jsonfeed-1.1.json'),
	fixture('json/simple-object.json'),
	fixture('json/simple-array.json'),
	fixture('json/awkward.json'),
	`<?xml version="1.0"?><rss version="2.0"><channel><title>R &amp; S</title><link>https://rss.example/</link>
<item><title><![CDATA[<b>Bold</b>]]></title><link>/a</link><guid>1</guid><pubDate>Fri, 03 May 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Hi&lt;/p&gt;</description><category>Bota</category></item>
<item><title>Two</title><author>a@b.example (Ana)</author></item></channel></rss>`,
	`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/"><title type="html">A &lt;i&gt;feed&lt;/i&gt;</title>
<entry><id>tag:a,2024:1</id><title>One</title><link href="one"/><updated>2024-05-03T10:00:00Z</updated><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`,
];

// Code points a hostile feed would use: controls, escape sequence starts, bidi, markup and entity characters.
const NASTY_CHARS = [
	'\u0000',
	'\u0007',
	'\u001B',
	'\u001B[',
	'\u001B]',
	'\u009B',
	'\u009D',
	'\u202E',
	'\u2066',
	'\u007F',
	'\n',
	'\r',
	'\t',
	'<',
	'>',
	'&',
	';',
	'#',
	'"',
	'\\',
	'é',
	'😀',
	' ',
	'a',
	'&#27;',
	'&amp;',
	'<b>',
	'</p>',
	'\uFEFF',
	'\uD800',
];
const nastyString = fc.oneof(
	fc.string({unit: fc.constantFrom(...NASTY_CHARS), maxLength: 30}),
	fc.string({unit: 'binary', maxLength: 30}),
	fc.string({maxLength: 30}),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
	nastyString,
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.array(nastyString, {maxLength: 3}),
	fc.dictionary(nastyString, nastyString, {maxKeys: 2}),
);

const ARTICLE_KEYS = ['id', 'title', 'author', 'agency', 'section', 'published', 'link', 'summary', 'content', 'categories'];
const JSON_FEED_ITEM_KEYS = [
	'id',
	'url',
	'external_url',
	'title',
	'content_html',
	'content_text',
	'summary',
	'date_published',
	'date_modified',
	'author',
	'authors',
	'tags',
];

const itemOf = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), nastyValue, {maxKeys: keys.length});
const simpleFeed = fc.record({
	title: nastyValue,
	link: nastyValue,
	articles: fc.array(fc.oneof(itemOf(ARTICLE_KEYS), nastyValue), {maxLength: 6}),
});
const jsonFeed = fc.record({
	version: fc.constantFrom('https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1'),
	title: nastyValue,
	home_page_url: nastyValue,
	feed_url: nastyValue,
	authors: nastyValue,
	items: fc.oneof(fc.array(fc.oneof(itemOf(JSON_FEED_ITEM_KEYS), nastyValue), {maxLength: 6}), nastyValue),
});

type Mutation = {kind: 'delete' | 'insert' | 'replace' | 'truncate'; at: number; length: number; text: string};
const mutation: fc.Arbitrary<Mutation> = fc.record({
	kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate'),
	at: fc.nat(),
	length: fc.nat({max: 40}),
	text: nastyString,
});

function mutate(text: string, mutations: Mutation[]): string {
	let result = text;
	for (const {kind, at, length, text: inserted} of mutations) {
		const position = result.length === 0 ? 0 : at % result.length;
		if (kind === 'delete') result = result.slice(0, position) + result.slice(position + length);
		else if (kind === 'insert') result = result.slice(0, position) + inserted + result.slice(position);
		else if (kind === 'replace') result = result.slice(0, position) + inserted + result.slice(position + inserted.length);
		else result = result.slice(0, position);
	}
	return result;
}

function problemsIn(article: Article): string[] {
	const problems: string[] = [];
	const oneLine: [string, unknown][] = [
		['id', article.id],
		['title', article.title],
		['author', article.author],
		['feed', article.feed],
		['section', article.section],
		['link', article.link],
		...article.categories.map((category): [string, unknown] => ['category', category]),
	];
	for (const [name, value] of oneLine) {
		if (value === null && name !== 'id' && name !== 'title' && name !== 'feed') continue;
		if (typeof value !== 'string') problems.push(`${name} is not a string`);
		else if (FORBIDDEN.test(value) || LINE_BREAK.test(value)) problems.push(`${name} has a control: ${JSON.stringify(value)}`);
	}
	for (const [name, body] of [
		['summary', article.summary],
		['content', article.content],
	] as const) {
		if (FORBIDDEN.test(body.value)) problems.push(`${name} has a control: ${JSON.stringify(body.value)}`);
	}
	if (article.published !== null && !Number.isFinite(article.published)) problems.push('published is not finite');
	return problems;
}

async function check(bytes: Uint8Array): Promise<void> {
	let result: FeedResult;
	try {
		result = await parseFeed(bytes, 'fuzz.feed');
	} catch (error) {
		throw new Error(`parseFeed threw: ${String(error)}`);
	}
	if (!result.ok) {
		expect(result.error).not.toMatch(FORBIDDEN);
		expect(result.error).not.toMatch(LINE_BREAK);
		return;
	}
	expect(result.title).not.toMatch(FORBIDDEN);
	for (const warning of result.warnings) expect(warning).not.toMatch(FORBIDDEN);
	expect(result.articles.flatMap(problemsIn)).toEqual([]);
}

describe('parseFeed under random input', () => {
	it('never throws on random bytes', async () => {
		await fc.assert(fc.asyncProperty(fc.uint8Array({maxLength: 400}), check), SETTINGS);
	});

	it('never throws on random JSON values', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue({maxDepth: 3}), value => check(encoder.encode(JSON.stringify(value) ?? ''))),
			SETTINGS,
		);
	});

	it('keeps controls out of articles built from hostile simple JSON and JSON Feed values', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(simpleFeed, jsonFeed), value => check(encoder.encode(JSON.stringify(value)))),
			SETTINGS,
		);
	});

	it('never throws on mutations of valid JSON and XML feeds', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...VALID_FEEDS), fc.array(mutation, {minLength: 1, maxLength: 4}), (text, mutations) =>
				check(encoder.encode(mutate(text, mutations))),
			),
			SETTINGS,
		);
	});
});
