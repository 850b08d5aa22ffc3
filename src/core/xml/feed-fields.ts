import type {RawText} from '../articles/raw-feed.js';
import {RENAMED} from './rss-parser-names.js';
import {allTexts, attribute, children, firstText, nodeList, nodeText} from './nodes.js';

// Field extraction shared by the RSS and Atom mappings. Every field is read from the raw xml2js
// nodes that rss-parser copies out under these names (keepArray), never from rss-parser's own
// mapped values, whose shape depends on the input.

/** rss-parser customFields: [element name, property name, {keepArray}]. */
export const ITEM_FIELDS = {
	attributes: '$',
	title: 'title',
	link: 'link',
	atomLink: RENAMED.atomLink,
	atomPrefixedLink: 'atom:link',
	guid: 'guid',
	id: 'id',
	author: 'author',
	dcCreator: 'dc:creator',
	itunesAuthor: 'itunes:author',
	pubDate: 'pubDate',
	dcDate: 'dc:date',
	atomPublished: RENAMED.atomPublished,
	atomUpdated: RENAMED.atomUpdated,
	atomPrefixedPublished: 'atom:published',
	atomPrefixedUpdated: 'atom:updated',
	published: 'published',
	updated: 'updated',
	issued: 'issued',
	modified: 'modified',
	created: 'created',
	description: RENAMED.rssDescription,
	dcDescription: 'dc:description',
	contentEncoded: RENAMED.rssContentEncoded,
	summary: 'summary',
	atomContent: RENAMED.atomContent,
	category: 'category',
	dcSubject: 'dc:subject',
} as const;

export const FEED_FIELDS = {
	attributes: '$',
	title: 'title',
	link: 'link',
	atomLink: RENAMED.atomLink,
	atomPrefixedLink: 'atom:link',
	author: 'author',
} as const;

const PREFIX = 'flashnews_';

export function customFields(fields: Record<string, string>): [string, string, {keepArray: boolean}][] {
	return Object.entries(fields).map(([key, element]) => [element, PREFIX + key, {keepArray: true}]);
}

/** Reads the field copied out by customFields. */
export function field(record: unknown, key: string): unknown {
	if (typeof record !== 'object' || record === null) return undefined;
	return (record as Record<string, unknown>)[PREFIX + key];
}

// Markup (a tag) or an entity reference left after XML parsing means the text is HTML source.
const LOOKS_LIKE_HTML = /<\/?[A-Za-z][^<>]*>|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/;

/** What an Atom `type` (or Atom 0.3 `mode`) attribute says; undefined when it says nothing. */
function declaredHtml(node: unknown): boolean | undefined {
	const type = attribute(node, 'type')?.trim().toLowerCase();
	if (type === 'html' || type === 'xhtml' || type === 'text/html' || type === 'application/xhtml+xml') return true;
	if (attribute(node, 'mode')?.trim().toLowerCase() === 'escaped') return true;
	if (type === 'text' || type === 'text/plain') return false;
	return undefined;
}

/**
 * The first non-blank text among `value`'s nodes, with html=true when the feed says it is HTML
 * (or `alwaysHtml`), false when it says text, and otherwise when it looks like HTML.
 */
export function rawText(value: unknown, alwaysHtml = false): RawText | undefined {
	const found = firstText(value);
	if (!found) return undefined;
	const html = alwaysHtml || (declaredHtml(found.node) ?? LOOKS_LIKE_HTML.test(found.text));
	return {value: found.text, html};
}

/** Atom content given by reference (src) or as a non-text MIME type has no text to show. */
export function atomContent(value: unknown): RawText | undefined {
	const node = nodeList(value)[0];
	const type = attribute(node, 'type')?.trim().toLowerCase();
	if (type?.includes('/') && !/^text\/|[+/]xml$|html/.test(type)) return undefined;
	return rawText(value);
}

const TAG = /<[^<>]*>/g;

/** A one-line feed-level title: markup from an html/xhtml title is removed (entities stay). */
export function plainTitle(value: unknown): string | undefined {
	const found = firstText(value);
	if (!found) return undefined;
	return declaredHtml(found.node) ? found.text.replace(TAG, '') : found.text;
}

export function firstTrimmed(...values: unknown[]): string | undefined {
	for (const value of values) {
		const found = firstText(value);
		if (found) return found.text.trim();
	}
	return undefined;
}

type LinkChoice = {href: string; rel: string};

/**
 * Atom-style links (href attribute): rel="alternate" (or no rel) first, else — unless
 * `alternateOnly` — the first with an href.
 */
export function hrefLink(values: unknown[], alternateOnly = false): string | undefined {
	const links: LinkChoice[] = [];
	for (const value of values) {
		for (const node of nodeList(value)) {
			const href = attribute(node, 'href')?.trim();
			if (href) links.push({href, rel: attribute(node, 'rel')?.trim().toLowerCase() ?? 'alternate'});
		}
	}
	const alternate = links.find((link) => link.rel === 'alternate');
	return (alternate ?? (alternateOnly ? undefined : links[0]))?.href;
}

/** RSS-style links: the text of the first `<link>` that has text. */
export function textLink(value: unknown): string | undefined {
	for (const node of nodeList(value)) {
		const text = nodeText(node).trim();
		if (text) return text;
	}
	return undefined;
}

/** Names of people: plain strings (RSS, Dublin Core) or Atom person constructs (`<name>`). */
export function personNames(value: unknown): string[] {
	const names: string[] = [];
	for (const node of nodeList(value)) {
		const nameNodes = children(node, 'name');
		const name = (nameNodes.length > 0 ? allTexts(nameNodes)[0] : nodeText(node).trim()) ?? '';
		if (name) names.push(name);
	}
	return names;
}

/** Category names: element text (RSS, with or without domain) or Atom label/term attributes. */
export function categoryNames(...values: unknown[]): string[] {
	const names = new Set<string>();
	for (const value of values) {
		for (const node of nodeList(value)) {
			const name = (attribute(node, 'label') ?? attribute(node, 'term') ?? nodeText(node)).trim();
			if (name) names.add(name);
		}
	}
	return [...names];
}
