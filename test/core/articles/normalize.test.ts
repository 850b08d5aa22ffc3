import {describe, expect, it} from 'vitest';
import {normalizeFeed} from '../../../src/core/articles/normalize.js';
import type {RawFeed, RawItem} from '../../../src/core/articles/raw-feed.js';
import {resolveLink} from '../../../src/core/articles/resolve-link.js';
import {bodyToText} from '../../../src/core/text/html-text.js';

function feed(items: RawItem[], extra: Partial<RawFeed> = {}): RawFeed {
	return {title: 'Test Feed', link: 'https://news.example/section/', items, warnings: [], ...extra};
}

function only(item: RawItem, extra: Partial<RawFeed> = {}) {
	const result = normalizeFeed(feed([item], extra), 'test.json');
	expect(result.articles).toHaveLength(1);
	return result.articles[0]!;
}

const text = (value: string, html = false) => ({value, html});

describe('normalizeFeed', () => {
	it('turns a raw item into an article with every field filled in', () => {
		const article = only({
			id: 'https://news.example/1',
			title: text('Samiti mbyllet'),
			link: 'https://news.example/1',
			author: 'Arben Hoxha, REL',
			published: '2024-05-03T10:00:00Z',
			summary: text('Short.'),
			content: text('<p>Long.</p>', true),
			categories: ['Bota', 'BE'],
			section: 'Bota',
		});
		expect(article).toEqual({
			id: 'https://news.example/1',
			title: 'Samiti mbyllet',
			author: 'Arben Hoxha, REL',
			feed: 'Test Feed',
			section: 'Bota',
			published: Date.UTC(2024, 4, 3, 10),
			link: 'https://news.example/1',
			summary: {format: 'text', value: 'Short.'},
			content: {format: 'html', value: '<p>Long.</p>', base: 'https://news.example/1'},
			categories: ['Bota', 'BE'],
		});
	});

	it('names a feed without a title after its file', () => {
		expect(normalizeFeed(feed([], {title: undefined}), '/home/ana/feeds/sample.xml').title).toBe('sample.xml');
		expect(normalizeFeed(feed([], {title: '  '}), 'feeds/sample.json').title).toBe('sample.json');
	});

	it('strips HTML, entities and escape sequences from the feed title', () => {
		expect(normalizeFeed(feed([], {title: 'Awkward \u001B[31mFeed\u001B[0m &amp; <b>Co</b>'}), 'x.json').title).toBe('Awkward Feed & Co');
	});

	it('decodes HTML in titles, including double-escaped entities', () => {
		expect(only({title: text('<b>Bold</b> &amp;amp; <i>double-escaped</i>', true)}).title).toBe('Bold & double-escaped');
	});

	it('collapses tabs and newlines in titles into single spaces', () => {
		expect(only({title: text('Tabs\tand\nnewlines\r\nin\u000Ba title')}).title).toBe('Tabs and newlines in a title');
	});

	it('titles an untitled article with the start of its summary, cut at a word', () => {
		const summary = 'Only the summary is usable here and it is long enough to become a title when cut at a word boundary somewhere';
		const {title} = only({summary: text(summary)});
		expect(title.endsWith('…')).toBe(true);
		expect(title.length).toBeLessThanOrEqual(81);
		expect(summary.startsWith(title.slice(0, -1))).toBe(true);
		expect(summary[title.length - 1]).toBe(' ');
	});

	it('titles an article without title or text by its link, else its date, else "(untitled)"', () => {
		expect(only({link: 'https://news.example/x'}).title).toBe('https://news.example/x');
		expect(only({id: 'a', published: '2024-05-03T10:07:00Z'}).title).toBe('2024-05-03 10:07 UTC');
		expect(only({id: 'a', categories: ['Tides']}).title).toBe('(untitled)');
	});

	it('uses a short summary whole as the title of an untitled article', () => {
		expect(only({content: text('<p>Breaking: <b>storm</b></p>', true)}).title).toBe('Breaking: storm');
	});

	it('keeps every item, however little it carries', () => {
		const result = normalizeFeed(feed([{id: 'a'}, {title: text('kept')}, {summary: text('   ')}, {}]), 'x.json');
		expect(result.articles.map(article => article.title)).toEqual(['(untitled)', 'kept', '(untitled)', '(untitled)']);
		expect(result.warnings).toEqual([]);
	});

	it('tells apart items that have neither guid nor link and come out alike, in a stable way', () => {
		const items: RawItem[] = [{categories: ['Tides']}, {categories: ['Moorings']}, {author: 'Harbour Master'}];
		const first = normalizeFeed(feed(items), 'x.json').articles.map(article => article.id);
		expect(new Set(first).size).toBe(3);
		expect(normalizeFeed(feed(items), 'x.json').articles.map(article => article.id)).toEqual(first);
	});

	it('shows a title the feed declares plain text as written, markup and all', () => {
		expect(only({title: {value: 'Use <b> for bold &amp; more', html: false}}).title).toBe('Use <b> for bold &amp; more');
		expect(only({title: {value: 'Use <b>bold</b> &amp; more', html: true}}).title).toBe('Use bold & more');
	});

	it('keeps the first of several articles with the same id and warns once with the count', () => {
		const result = normalizeFeed(
			feed([
				{id: 'dup', title: text('first')},
				{id: 'dup', title: text('second')},
				{id: 'dup', title: text('third')},
				{id: 'other', title: text('other')},
			]),
			'x.json',
		);
		expect(result.articles.map(article => article.title)).toEqual(['first', 'other']);
		expect(result.warnings).toEqual(['2 duplicate articles were skipped (same id as an earlier one)']);
	});

	it('skips an item that breaks while being read, with a warning, and keeps the rest', () => {
		const broken: RawItem = {};
		Object.defineProperty(broken, 'title', {
			get() {
				throw new Error('boom\u001B[2J');
			},
		});
		const result = normalizeFeed(feed([{title: text('before')}, broken, {title: text('after')}]), 'x.json');
		expect(result.articles.map(article => article.title)).toEqual(['before', 'after']);
		expect(result.warnings).toEqual(['skipped item 2: boom']);
	});

	it('keeps warnings of the format parser, sanitized', () => {
		expect(normalizeFeed(feed([], {warnings: ['bad \u001B[31mitem\u001B[0m']}), 'x.json').warnings).toEqual(['bad item']);
	});

	it('shows the name from an RSS "email (Name)" author, and from "Name <email>"', () => {
		expect(only({title: text('t'), author: 'mail@example.com (Rea \u0007Kola)'}).author).toBe('Rea Kola');
		expect(only({title: text('t'), author: 'Rea Kola <rea@example.com>'}).author).toBe('Rea Kola');
		expect(only({title: text('t'), author: 'desk@example.com'}).author).toBe('desk@example.com');
	});

	it('gives no author for an empty byline', () => {
		expect(only({title: text('t'), author: ' \u001B[0m '}).author).toBeNull();
		expect(only({title: text('t')}).author).toBeNull();
	});

	it('takes the section only from an item that names one, not from its categories', () => {
		expect(only({title: text('t'), section: '\u001B[7mSport\u001B[0m', categories: ['Bota']}).section).toBe('Sport');
		expect(only({title: text('t'), categories: ['Bota', 'BE']}).section).toBeNull();
		expect(only({title: text('t')}).section).toBeNull();
	});

	it('drops empty categories and repeats that differ only in case or escapes', () => {
		expect(only({title: text('t'), categories: ['A\u001B[1mB', 'a\u001B[1mb', '', '  ', 'C &amp; D']}).categories).toEqual(['AB', 'C & D']);
	});

	it('parses dates and leaves unreadable ones empty', () => {
		expect(only({title: text('t'), published: '2024-05-02T00:00:00+02:00'}).published).toBe(Date.UTC(2024, 4, 1, 22));
		expect(only({title: text('t'), published: 'not a date at all'}).published).toBeNull();
		expect(only({title: text('t')}).published).toBeNull();
	});

	it('resolves relative links against the item base, then the feed base, then the feed link', () => {
		expect(only({title: text('t'), link: '../other/page.html'}).link).toBe('https://news.example/other/page.html');
		expect(only({title: text('t'), link: 'page.html'}, {base: 'https://cdn.example/feed/'}).link).toBe(
			'https://cdn.example/feed/page.html',
		);
		expect(only({title: text('t'), link: 'page.html', base: 'sub/'}, {base: 'https://cdn.example/feed/'}).link).toBe(
			'https://cdn.example/feed/sub/page.html',
		);
	});

	it('drops javascript: and data: links but keeps mailto:', () => {
		expect(only({title: text('t'), link: 'javascript:alert(1)'}).link).toBeNull();
		expect(only({title: text('t'), link: 'data:text/html,<script>alert(1)</script>'}).link).toBeNull();
		expect(only({title: text('t'), link: 'mailto:desk@news.example'}).link).toBe('mailto:desk@news.example');
	});

	it('keeps bodies multi-line but strips controls and escape sequences from them', () => {
		const article = only({
			title: text('t'),
			summary: text('line one\r\nline two\u0000\u001B[2J\u009B31m'),
			content: text('<p>a\u202Eb</p>', true),
		});
		expect(article.summary).toEqual({format: 'text', value: 'line one\nline two'});
		expect(article.content).toEqual({format: 'html', value: '<p>ab</p>', base: 'https://news.example/section/'});
	});

	it('gives an HTML body the article link as the base for its relative links', () => {
		const article = only({title: text('t'), link: '/bota/1.html', content: text('<a href="../sport/">Sport</a>', true)});
		expect(article.content.base).toBe('https://news.example/bota/1.html');
		expect(bodyToText(article.content)).toBe('Sport (https://news.example/sport/)');
	});

	it('makes the same ids on every run, namespaced by feed for local guids', () => {
		const raw = feed([
			{id: '1', title: text('a')},
			{title: text('b'), link: '/b'},
			{title: text('c'), published: '2024-01-01T00:00:00Z'},
		]);
		const first = normalizeFeed(raw, 'x.json').articles.map(article => article.id);
		expect(normalizeFeed(raw, 'x.json').articles.map(article => article.id)).toEqual(first);
		expect(first[0]).toBe('Test Feed#1');
		expect(first[1]).toBe('https://news.example/b');
		expect(first[2]).toMatch(/^h:/);
	});
});

describe('resolveLink', () => {
	it('keeps absolute http(s) links', () => {
		expect(resolveLink('https://news.example/a?b=c#d', [])).toBe('https://news.example/a?b=c#d');
		expect(resolveLink('  http://news.example/a  ', [])).toBe('http://news.example/a');
	});

	it('resolves protocol-relative and root-relative links against the first usable base', () => {
		expect(resolveLink('//cdn.example/x', [undefined, 'https://news.example/'])).toBe('https://cdn.example/x');
		expect(resolveLink('/x', ['not a url', 'https://news.example/deep/path/'])).toBe('https://news.example/x');
	});

	it('gives null for a relative link without any base, and for garbage', () => {
		expect(resolveLink('page.html', [])).toBeNull();
		expect(resolveLink('http://', [])).toBeNull();
		expect(resolveLink('', ['https://news.example/'])).toBeNull();
		expect(resolveLink(undefined, ['https://news.example/'])).toBeNull();
		expect(resolveLink(42 as unknown as string, ['https://news.example/'])).toBeNull();
	});

	it('refuses schemes that are not http, https or mailto', () => {
		for (const href of [
			'javascript:alert(1)',
			'JaVaScRiPt:alert(1)',
			'data:text/plain,hi',
			'file:///etc/passwd',
			'ftp://files.example/x',
		]) {
			expect(resolveLink(href, ['https://news.example/'])).toBeNull();
		}
	});

	it('does not use a file: base for relative links', () => {
		expect(resolveLink('passwd', ['file:///etc/'])).toBeNull();
	});

	it('removes controls and escape sequences from links', () => {
		expect(resolveLink('https://news.example/\u001B[31mred\u0007', [])).toBe('https://news.example/red');
		expect(resolveLink('https://news.example/a\u202Eb', [])).toBe('https://news.example/ab');
	});
});
