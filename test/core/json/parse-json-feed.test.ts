import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {FeedError} from '../../../src/core/feed-error.js';
import {jsonFeedKind, parseJsonFeed, WRONG_SHAPE_MESSAGE} from '../../../src/core/json/parse-json-feed.js';
import {parseJsonText} from '../../../src/core/json/parse-json-text.js';

const json = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/json/${name}`, import.meta.url), 'utf8'));

describe('parseJsonFeed with JSON Feed', () => {
	it('reads a JSON Feed 1.1 feed with its items', () => {
		const feed = parseJsonFeed(json('jsonfeed-1.1.json'));
		expect(feed.title).toBe('Flash News Bota');
		expect(feed.link).toBe('https://flashnews.example/bota/');
		expect(feed.items).toHaveLength(2);
		const [first, second] = feed.items;
		expect(first).toMatchObject({
			id: 'https://flashnews.example/bota/2024/05/samiti',
			link: 'https://flashnews.example/bota/2024/05/samiti',
			title: {value: 'Samiti i BE-së mbyllet pa marrëveshje', html: false},
			author: 'Arben Hoxha, Drita Leka',
			published: '2024-05-03T09:30:00+02:00',
			summary: {value: 'Liderët europianë nuk arritën të bien dakord për buxhetin.', html: false},
			content: {html: true},
			categories: ['Bota', 'BE'],
		});
		expect(second).toMatchObject({
			id: '2',
			link: '/bota/2024/05/zgjedhjet',
			published: '2024-05-02T08:00:00Z',
			content: {value: 'Rreshti i parë.\nRreshti i dytë.', html: false},
		});
	});

	it('gives items without authors the feed authors, as JSON Feed 1.1 says', () => {
		expect(parseJsonFeed(json('jsonfeed-1.1.json')).items[1]?.author).toBe('Redaksia');
	});

	it('reads JSON Feed 1.0 author objects, numeric ids and external_url links', () => {
		const feed = parseJsonFeed(json('jsonfeed-1.0.json'));
		expect(feed.items[0]).toMatchObject({id: 'note-1', author: 'Ana Kola', link: 'https://notes.example.org/1'});
		expect(feed.items[1]).toMatchObject({id: '17', author: 'Feed Author', link: 'https://elsewhere.example.com/other'});
	});

	it('reads a feed with an empty items list as a feed without items', () => {
		expect(parseJsonFeed(json('empty-items.json'))).toMatchObject({title: 'Quiet Feed', items: []});
	});
});

describe('parseJsonFeed with the simple flashnews JSON', () => {
	it('joins author and agency into one byline and keeps section and categories', () => {
		const [first, second, third] = parseJsonFeed(json('simple-object.json')).items;
		expect(first).toMatchObject({author: 'Arben Hoxha, REL', section: 'Politikë', categories: ['Politikë', 'Ekonomi']});
		expect(second).toMatchObject({author: 'ATA', section: 'Sport', categories: ['Sport']});
		expect(third).toMatchObject({author: 'Drita Leka', section: undefined, categories: []});
	});

	it('flags HTML bodies as HTML and plain ones as text', () => {
		const [first, , third] = parseJsonFeed(json('simple-object.json')).items;
		expect(first?.content?.html).toBe(true);
		expect(first?.summary?.html).toBe(false);
		expect(third?.content?.html).toBe(false);
	});

	it('passes numeric dates on as numbers and drops non-finite ones', () => {
		const [, second, third] = parseJsonFeed(json('simple-object.json')).items;
		expect(second?.published).toBe(1_714_737_600);
		expect(third?.published).toBe(1_714_651_200_000);
		expect(parseJsonFeed({articles: [{title: 't', published: Number.POSITIVE_INFINITY}]}).items[0]?.published).toBeUndefined();
	});

	it('reads a bare array of articles', () => {
		const feed = parseJsonFeed(json('simple-array.json'));
		expect(feed.title).toBeUndefined();
		expect(feed.items.map(item => item.id)).toEqual(['a-1', 'a-2']);
		expect(feed.items[0]?.author).toBe('ATA');
	});

	it('drops fields of the wrong type one by one and skips items that are not objects or wholly empty', () => {
		const feed = parseJsonFeed(json('awkward.json'));
		const first = feed.items[0];
		expect(first).toMatchObject({id: '42', title: undefined, author: undefined, published: undefined, link: undefined, categories: []});
		expect(first?.summary?.value).toContain('Only the summary');
		expect(feed.items).toHaveLength(9);
		expect(feed.warnings).toEqual(['2 items were skipped: not a JSON object', '1 empty item was skipped']);
	});

	it('keeps only the first maxItems items and says so', () => {
		const feed = parseJsonFeed(json('simple-object.json'), {maxItems: 2});
		expect(feed.items).toHaveLength(2);
		expect(feed.warnings).toEqual(['the feed has 3 items; only the first 2 were kept']);
	});
});

describe('parseJsonFeed with JSON that is not a feed', () => {
	it.each([
		['an object without articles', {name: 'package', version: '1.0.0'}],
		['articles that are not a list', {flashnews: 1, articles: 'none'}],
		['a number', 42],
		['null', null],
		['a list of numbers', [1, 2, 3]],
		['an unknown JSON Feed version', {version: 'https://example.com/version/1', items: []}],
	])('throws a one-line FeedError for %s', (_, value) => {
		expect(() => parseJsonFeed(value)).toThrow(new FeedError(WRONG_SHAPE_MESSAGE));
		expect(jsonFeedKind(value)).toBeNull();
	});
});

describe('parseJsonFeed with a JSON Feed whose items are not a list', () => {
	it('fails the feed with a one-line FeedError that says what "items" is', () => {
		expect(() => parseJsonFeed(json('items-not-a-list.json'))).toThrow(
			new FeedError('not a feed: the JSON Feed\'s "items" is an object, not a list'),
		);
	});

	it.each([
		['a string', 'none'],
		['null', null],
		['a number', 3],
	])('fails when "items" is %s', (kind, items) => {
		const feed = {version: 'https://jsonfeed.org/version/1.1', title: 'x', items};
		expect(() => parseJsonFeed(feed)).toThrow(new FeedError(`not a feed: the JSON Feed's "items" is ${kind}, not a list`));
	});

	it('fails when "items" is missing', () => {
		expect(() => parseJsonFeed({version: 'https://jsonfeed.org/version/1', title: 'x'})).toThrow(
			new FeedError('not a feed: the JSON Feed has no "items" list'),
		);
	});
});

describe('parseJsonText', () => {
	it('parses valid JSON, with or without a byte order mark', () => {
		expect(parseJsonText('\uFEFF{"a": [1, "x"]}')).toEqual({a: [1, 'x']});
	});

	it.each([
		[
			'{\n\t"title": "Broken",\n\t"articles": [\n\t\t{"title": "two",}\n\t]\n}',
			"invalid JSON: expected a property name in double quotes but found '}' (line 4)",
		],
		['[1, 2', 'invalid JSON: unexpected end of input (line 1)'],
		['{"a": 1}\n\n}', 'invalid JSON: unexpected text after the JSON value (line 3)'],
		['{"a": "unterminated\n}', 'invalid JSON: control character in string (line 1)'],
		['{"a": "bad \\x escape"}', 'invalid JSON: invalid escape in string (line 1)'],
		['{"a" 1}', "invalid JSON: expected ':' after a property name (line 1)"],
		['[1,\n2,\n]', "invalid JSON: unexpected ']' (line 3)"],
		['{"a": tru}', "invalid JSON: unexpected 't' (line 1)"],
		['{"a": -}', 'invalid JSON: invalid number (line 1)'],
		['[1 2]', "invalid JSON: expected ',' or ']' but found '2' (line 1)"],
		['{"a": "\u001B[31m"}', 'invalid JSON: control character in string (line 1)'],
	])('says what is wrong and on which line: %j', (text, message) => {
		expect(() => parseJsonText(text)).toThrow(new FeedError(message));
	});

	it('names a stray control character by its code instead of printing it', () => {
		expect(() => parseJsonText('{"a": \u001B[2J}')).toThrow(new FeedError('invalid JSON: unexpected character U+001B (line 1)'));
	});
});
