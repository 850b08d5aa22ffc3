import Parser from 'rss-parser';
import type {RawFeed, RawItem} from '../articles/raw-feed.js';
import {FeedError} from '../feed-error.js';
import {DEFAULT_MAX_ITEMS, MAX_FEED_TEXT_LENGTH, tooLargeMessage} from '../limits.js';
import {customFields, FEED_FIELDS, field, hrefLink, ITEM_FIELDS, personNames, textLink} from './feed-fields.js';
import {attributeAnyCase, joined, mapAtomEntry, mapRssItem} from './map-items.js';
import {attributeOf, nodeList} from './nodes.js';
import {type RepairedXml, repairXmlDocument, type XmlDialect} from './repair.js';
import {plainTitle} from './text-constructs.js';

export type ParseXmlFeedOptions = {
	maxItems?: number;
	/**
	 * The text is one part of a larger feed (split-xml-feed.ts): fail when the part might not read as
	 * its share of the whole would, so the caller parses the whole instead.
	 */
	part?: boolean;
};

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function errorMessage(error: unknown): string {
	return oneLine(error instanceof Error ? error.message : String(error));
}

function checkLooksLikeXml(text: string): void {
	const start = text.search(/[^\s\uFEFF]/);
	if (start < 0) throw new FeedError('not a feed: the document is empty');
	const first = text[start];
	if (first === '<') return;
	if (first === '{' || first === '[') throw new FeedError('not a feed: looks like JSON, not XML');
	const sample = text.slice(start, start + 512);
	if (/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(sample)) throw new FeedError('not a feed: the data is binary, not text');
	throw new FeedError('not a feed: the document does not start with an XML tag');
}

function checkIsFeed(document: RepairedXml): Exclude<XmlDialect, 'unknown'> {
	const {rootName, doctypeName, dialect} = document;
	if (dialect !== 'unknown') return dialect;
	if (rootName?.toLowerCase() === 'html' || doctypeName?.toLowerCase() === 'html') {
		throw new FeedError('not a feed: looks like an HTML page');
	}
	if (rootName === undefined) throw new FeedError('not a feed: the document has no XML element');
	throw new FeedError(`not a feed: the root element is <${oneLine(rootName).slice(0, 40)}>, not <rss>, <feed> or <rdf:RDF>`);
}

// sax reports "Message\nLine: 0\nColumn: 12\nChar: x" with 0-based lines.
function describeParseError(error: unknown, rootName: string): string {
	const message = error instanceof Error ? error.message : String(error);
	const [first = ''] = message.split('\n');
	const line = /\nLine: (\d+)/.exec(message)?.[1];
	const where = line === undefined ? '' : ` (line ${Number(line) + 1})`;
	const reason = oneLine(first).replace(/\.$/, '').slice(0, 200);
	if (/^(Unclosed root tag|Unexpected end)/.test(reason)) return `XML is malformed: unexpected end of document${where}`;
	if (line !== undefined) return `XML is malformed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}${where}`;
	if (/not recognized|Unable to parse/.test(reason)) return `not a feed: the <${rootName}> element is empty`;
	// rss-parser indexes into the structure it expects without checking it is there.
	if (error instanceof TypeError && rootName !== 'feed') return `not a feed: <${rootName}> has no <channel>`;
	return `could not read the feed: ${reason}`;
}

async function parseWithRssParser(xml: string, rootName: string): Promise<unknown> {
	const parser = new Parser({
		// <rss> without a version (or with an unknown one) is read as RSS 2.0.
		defaultRSS: 2,
		customFields: {
			feed: customFields(FEED_FIELDS) as never,
			item: customFields(ITEM_FIELDS),
		},
	});
	try {
		return await parser.parseString(xml);
	} catch (error) {
		throw new FeedError(describeParseError(error, rootName));
	}
}

function attributesOf(value: unknown): unknown {
	const node = nodeList(value)[0];
	return typeof node === 'object' && node !== null ? (node as {$?: unknown}).$ : undefined;
}

function withoutEmptyFields(item: RawItem): RawItem {
	const result: RawItem = {};
	for (const [key, value] of Object.entries(item) as [keyof RawItem, RawItem[keyof RawItem]][]) {
		if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
		(result as Record<string, unknown>)[key] = value;
	}
	return result;
}

/** The feed's title, link and base; an RSS channel's own attributes come through feed-structure.ts. */
function readFeedElements(parsed: unknown, dialect: Exclude<XmlDialect, 'unknown'>, feed: RawFeed): void {
	const title = plainTitle(field(parsed, 'title')) ?? plainTitle(field(parsed, 'dcTitle'));
	if (title !== undefined) feed.title = title;
	const attributes = dialect === 'atom' ? field(parsed, 'attributes') : attributesOf(field(parsed, 'channelAttributes'));
	const link =
		dialect === 'atom'
			? hrefLink([field(parsed, 'atomLink')], true)
			: (textLink(field(parsed, 'link')) ??
				hrefLink([field(parsed, 'link'), field(parsed, 'atomPrefixedLink')], true) ??
				attributeAnyCase(attributes, 'href'));
	if (link !== undefined) feed.link = link;
	const base = attributeOf(attributes, 'xml:base')?.trim() || attributeAnyCase(attributes, 'base');
	if (base) feed.base = base;
}

function parsedItems(parsed: unknown): unknown[] {
	const items = typeof parsed === 'object' && parsed !== null ? (parsed as {items?: unknown}).items : undefined;
	return Array.isArray(items) ? items : [];
}

/**
 * Parses RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 text into a RawFeed of raw strings.
 * Asynchronous because rss-parser's parseString only offers a Promise (the work itself is
 * synchronous). A document that cannot be read at all throws FeedError with a one-line message;
 * an item that cannot be mapped is skipped with a warning. See limits.ts for the limits.
 */
export async function parseXmlFeed(text: string, options: ParseXmlFeedOptions = {}): Promise<RawFeed> {
	if (text.length > MAX_FEED_TEXT_LENGTH) throw new FeedError(tooLargeMessage(text.length, MAX_FEED_TEXT_LENGTH));
	checkLooksLikeXml(text);
	const maxItems = Math.max(0, Math.floor(options.maxItems ?? DEFAULT_MAX_ITEMS));
	// Items past the limit are cut by the pre-pass, so rss-parser never spends time on them.
	const document = repairXmlDocument(text, {maxItems});
	const dialect = checkIsFeed(document);
	if (options.part && document.interleaved) throw new FeedError('a part of this feed has feed elements between its items');
	const parsed = await parseWithRssParser(document.xml, document.rootName ?? '');

	const feed: RawFeed = {items: [], warnings: []};
	readFeedElements(parsed, dialect, feed);
	const feedAuthor = dialect === 'atom' ? joined(personNames(field(parsed, 'author'))) : undefined;
	const items = parsedItems(parsed);
	const total = Math.max(items.length, document.itemCount);
	if (total > maxItems) feed.warnings.push(`the feed has ${total} items; only the first ${maxItems} were kept`);
	// Positions from the repair scan line up with rss-parser's items only when both saw the same ones.
	const empty = items.length === document.itemCount - document.droppedItems ? new Set(document.emptyItems) : new Set<number>();
	let skipped = 0;
	for (const [index, item] of items.slice(0, maxItems).entries()) {
		if (empty.has(index)) {
			skipped++;
			continue;
		}
		try {
			feed.items.push(withoutEmptyFields(dialect === 'atom' ? mapAtomEntry(item, feedAuthor) : mapRssItem(item)));
		} catch (error) {
			feed.warnings.push(`skipped item ${index + 1}: ${errorMessage(error)}`);
		}
	}
	if (skipped > 0) feed.warnings.push(`${skipped} empty ${skipped === 1 ? 'item was' : 'items were'} skipped`);
	return feed;
}
