import type {RawFeed, RawItem, RawText} from '../articles/raw-feed.js';
import {FeedError} from '../feed-error.js';
import {DEFAULT_MAX_ITEMS} from '../limits.js';
import {looksLikeHtml} from '../text/html-text.js';

// Reads JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) and flashnews' own simple JSON
// ({"articles": [...]} or a bare array of article objects) into a RawFeed. Every field is checked
// for its type on its own: a wrong-typed field is dropped, a non-object item is skipped with a warning.

export type JsonFeedKind = 'json-feed' | 'flashnews-json';

export type ParseJsonFeedOptions = {maxItems?: number};

export const WRONG_SHAPE_MESSAGE = 'JSON is not a feed: expected JSON Feed or {"articles": [...]}';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(object: JsonObject, key: string): unknown {
	return Object.hasOwn(object, key) ? object[key] : undefined;
}

function stringField(object: JsonObject, key: string): string | undefined {
	const value = field(object, key);
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function textField(object: JsonObject, key: string, html?: boolean): RawText | undefined {
	const value = stringField(object, key);
	return value === undefined ? undefined : {value, html: html ?? looksLikeHtml(value)};
}

function idField(object: JsonObject, key: string): string | undefined {
	const value = field(object, key);
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

// Numbers are passed on as they are: parseFeedDate reads them as epoch seconds or milliseconds.
function dateField(object: JsonObject, key: string): string | number | undefined {
	const value = field(object, key);
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function stringList(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
}

function joinNames(names: (string | undefined)[]): string | undefined {
	const present = names.filter((name): name is string => name !== undefined && name.trim() !== '');
	return present.length > 0 ? present.join(', ') : undefined;
}

function authorName(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	return isObject(value) ? stringField(value, 'name') : undefined;
}

// JSON Feed 1.1 says `authors` (an array); 1.0 said `author` (an object). Feeds in the wild mix them.
function jsonFeedAuthors(object: JsonObject): string | undefined {
	const authors = field(object, 'authors');
	if (Array.isArray(authors)) {
		const names = joinNames(authors.map(authorName));
		if (names !== undefined) return names;
	}
	return joinNames([authorName(field(object, 'author'))]);
}

function isJsonFeedVersion(value: unknown): boolean {
	return typeof value === 'string' && /^https?:\/\/jsonfeed\.org\/version\//i.test(value.trim());
}

/** Which kind of JSON feed a parsed value is, or null when it is neither. */
export function jsonFeedKind(value: unknown): JsonFeedKind | null {
	if (Array.isArray(value)) {
		return value.length === 0 || value.some(isObject) ? 'flashnews-json' : null;
	}
	if (!isObject(value)) return null;
	if (isJsonFeedVersion(field(value, 'version'))) return 'json-feed';
	return Array.isArray(field(value, 'articles')) ? 'flashnews-json' : null;
}

type ItemReader = (object: JsonObject) => RawItem;

/** A wholly empty item: nothing in it but null, blank strings and empty lists or objects. */
function isBlank(value: unknown, depth = 0): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (typeof value !== 'object' || depth > 8) return false;
	return Object.values(value).every(child => isBlank(child, depth + 1));
}

function readItems(list: unknown[], readItem: ItemReader, options: ParseJsonFeedOptions, warnings: string[]): RawItem[] {
	const max = Math.max(0, Math.floor(options.maxItems ?? DEFAULT_MAX_ITEMS));
	let entries = list;
	if (list.length > max) {
		entries = list.slice(0, max);
		warnings.push(`the feed has ${list.length} items; only the first ${max} were kept`);
	}
	const items: RawItem[] = [];
	let notObjects = 0;
	let empty = 0;
	for (const entry of entries) {
		if (!isObject(entry)) notObjects++;
		else if (isBlank(entry)) empty++;
		else items.push(readItem(entry));
	}
	if (notObjects > 0) {
		warnings.push(`${notObjects} ${notObjects === 1 ? 'item was' : 'items were'} skipped: not a JSON object`);
	}
	if (empty > 0) warnings.push(`${empty} empty ${empty === 1 ? 'item was' : 'items were'} skipped`);
	return items;
}

function readJsonFeedItem(object: JsonObject, feedAuthor: string | undefined): RawItem {
	return {
		id: idField(object, 'id'),
		title: textField(object, 'title'),
		link: stringField(object, 'url') ?? stringField(object, 'external_url'),
		author: jsonFeedAuthors(object) ?? feedAuthor,
		published: dateField(object, 'date_published') ?? dateField(object, 'date_modified'),
		summary: textField(object, 'summary'),
		content: textField(object, 'content_html', true) ?? textField(object, 'content_text', false),
		categories: stringList(field(object, 'tags')),
	};
}

function readSimpleItem(object: JsonObject): RawItem {
	const section = stringField(object, 'section');
	const categories = stringList(field(object, 'categories'));
	return {
		id: idField(object, 'id') ?? idField(object, 'guid'),
		title: textField(object, 'title'),
		link: stringField(object, 'link') ?? stringField(object, 'url'),
		author: joinNames([stringField(object, 'author'), stringField(object, 'agency')]),
		published: dateField(object, 'published'),
		summary: textField(object, 'summary'),
		content: textField(object, 'content'),
		categories: categories.length === 0 && section !== undefined ? [section] : categories,
		section,
	};
}

function kindOfValue(value: unknown): string {
	if (value === null) return 'null';
	if (isObject(value)) return 'an object';
	return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function parseJsonFeedObject(object: JsonObject, options: ParseJsonFeedOptions): RawFeed {
	const warnings: string[] = [];
	const list = field(object, 'items');
	if (list === undefined) throw new FeedError('not a feed: the JSON Feed has no "items" list');
	if (!Array.isArray(list)) throw new FeedError(`not a feed: the JSON Feed's "items" is ${kindOfValue(list)}, not a list`);
	const feedAuthor = jsonFeedAuthors(object);
	const homePage = stringField(object, 'home_page_url');
	return {
		title: stringField(object, 'title'),
		link: homePage,
		base: homePage === undefined ? stringField(object, 'feed_url') : undefined,
		items: readItems(list, item => readJsonFeedItem(item, feedAuthor), options, warnings),
		warnings,
	};
}

/**
 * Reads an already parsed JSON value as a feed; throws FeedError when it has neither known shape,
 * or is a JSON Feed without a list of items.
 */
export function parseJsonFeed(value: unknown, options: ParseJsonFeedOptions = {}): RawFeed {
	const kind = jsonFeedKind(value);
	if (kind === 'json-feed' && isObject(value)) return parseJsonFeedObject(value, options);
	if (kind === 'flashnews-json') {
		const warnings: string[] = [];
		const object = isObject(value) ? value : {};
		const list = Array.isArray(value) ? value : field(object, 'articles');
		return {
			title: stringField(object, 'title'),
			link: stringField(object, 'link'),
			items: readItems(Array.isArray(list) ? list : [], readSimpleItem, options, warnings),
			warnings,
		};
	}
	throw new FeedError(WRONG_SHAPE_MESSAGE);
}

// JSON.parse's messages differ between Node versions, carry no line number and may quote the
// (untrusted) text itself, so on failure the text is scanned once more to say what and where.
