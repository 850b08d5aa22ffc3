import {CHANNEL_ATTRIBUTES} from './feed-structure.js';
import {allTexts, attribute, children, firstText, nodeList, nodeText} from './nodes.js';
import {RENAMED} from './rss-parser-names.js';

// Field extraction shared by the RSS and Atom mappings. Every field is read from the raw xml2js
// nodes that rss-parser copies out under these names (keepArray), never from rss-parser's own
// mapped values, whose shape depends on the input.

/** rss-parser customFields: [element name, property name, {keepArray}]. */
// Element names are canonical (element-names.ts): `dc:date` is Dublin Core's date whatever prefix
// the feed used, `atom:` marks Atom elements inside RSS.
export const ITEM_FIELDS = {
	attributes: '$',
	title: 'title',
	dcTitle: 'dc:title',
	atomPrefixedTitle: 'atom:title',
	link: 'link',
	atomLink: RENAMED.atomLink,
	atomPrefixedLink: 'atom:link',
	guid: 'guid',
	id: 'id',
	atomPrefixedId: 'atom:id',
	author: 'author',
	dcCreator: 'dc:creator',
	dcAuthor: 'dc:author',
	itunesAuthor: 'itunes:author',
	atomPrefixedAuthor: 'atom:author',
	pubDate: 'pubDate',
	dcDate: 'dc:date',
	dctermsIssued: 'dcterms:issued',
	dctermsModified: 'dcterms:modified',
	dctermsCreated: 'dcterms:created',
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
	summary: 'summary',
	atomPrefixedSummary: 'atom:summary',
	abstract: 'abstract',
	contentEncoded: RENAMED.rssContentEncoded,
	xhtmlBody: 'xhtml:body',
	body: 'body',
	fullitem: 'fullitem',
	atomContent: RENAMED.atomContent,
	atomPrefixedContent: 'atom:content',
	category: 'category',
	dcSubject: 'dc:subject',
} as const;

export const FEED_FIELDS = {
	attributes: '$',
	channelAttributes: CHANNEL_ATTRIBUTES,
	title: 'title',
	dcTitle: 'dc:title',
	link: 'link',
	atomLink: RENAMED.atomLink,
	atomPrefixedLink: 'atom:link',
	author: 'author',
} as const;

const PREFIX = 'flashnews_';

export function customFields(fields: Record<string, string>): [string, string, {keepArray: boolean}][] {
	return Object.entries(fields).map(([key, element]) => [element, PREFIX + key, {keepArray: true}]);
}

// Each field's property name, made once: a name joined anew for every read is a new string that
// the engine looks up by its text each time (dozens of reads per item), while a name read back from
// an object's keys is the engine's own copy, found at once.
const propertyNames = new Map<string, string>();

function propertyName(key: string): string {
	let name = propertyNames.get(key);
	if (name === undefined) {
		name = Object.keys({[PREFIX + key]: true})[0] ?? PREFIX + key;
		propertyNames.set(key, name);
	}
	return name;
}

/** Reads the field copied out by customFields. */
export function field(record: unknown, key: string): unknown {
	if (typeof record !== 'object' || record === null) return undefined;
	return (record as Record<string, unknown>)[propertyName(key)];
}

export function firstTrimmed(...values: unknown[]): string | undefined {
	for (const value of values) {
		const found = firstText(value);
		if (found) return found.text.trim();
	}
	return undefined;
}

type LinkChoice = {href: string; rel: string; type: string | undefined};

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
// Links that are never the article's page: its media, the feed itself, editing and comment APIs.
const NOT_THE_PAGE = new Set(['enclosure', 'self', 'edit', 'edit-media', 'replies', 'license', 'hub', 'payment']);

/**
 * Atom-style links (href attribute), in any order: rel="alternate" (or no rel), an HTML one (or
 * one without type) before others; else — unless `alternateOnly` — the first that is not an
 * enclosure, the feed itself or an API.
 */
export function hrefLink(values: unknown[], alternateOnly = false): string | undefined {
	const links: LinkChoice[] = [];
	for (const value of values) {
		for (const node of nodeList(value)) {
			const href = attribute(node, 'href')?.trim();
			if (!href) continue;
			const rel = attribute(node, 'rel')?.trim().toLowerCase() || 'alternate';
			links.push({href, rel, type: attribute(node, 'type')?.trim().toLowerCase() || undefined});
		}
	}
	const alternates = links.filter(link => link.rel === 'alternate');
	const page = alternates.find(link => link.type === undefined || HTML_TYPES.has(link.type)) ?? alternates[0];
	if (page !== undefined || alternateOnly) return page?.href;
	return links.find(link => !NOT_THE_PAGE.has(link.rel))?.href;
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
