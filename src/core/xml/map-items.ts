import type {RawItem} from '../articles/raw-feed.js';
import {categoryNames, field, firstTrimmed, hrefLink, personNames, textLink} from './feed-fields.js';
import {attribute, attributeOf, firstText, nodeList} from './nodes.js';
import {atomContent, rawText} from './text-constructs.js';

// From what rss-parser copied out of an item or entry (feed-fields.ts) to a RawItem, reading every
// element a feed of that dialect may carry its title, link, author, date and text in, in the order
// of preference Python's feedparser has.

const HTTP_URL = /^https?:\/\//i;

export function joined(names: string[]): string | undefined {
	return names.length > 0 ? [...new Set(names)].join(', ') : undefined;
}

function rssPermalink(item: unknown): string | undefined {
	for (const guid of nodeList(field(item, 'guid'))) {
		const found = firstText(guid)?.text.trim();
		if (found && attribute(guid, 'isPermaLink')?.trim().toLowerCase() !== 'false' && HTTP_URL.test(found)) return found;
	}
	return undefined;
}

/** An attribute whatever its case (CDF writes HREF, Href or href). */
export function attributeAnyCase(attributes: unknown, name: string): string | undefined {
	if (typeof attributes !== 'object' || attributes === null) return undefined;
	for (const [key, value] of Object.entries(attributes)) {
		if (key.toLowerCase() === name && typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

function firstName(...values: unknown[]): string | undefined {
	for (const value of values) {
		const names = joined(personNames(value));
		if (names !== undefined) return names;
	}
	return undefined;
}

export function mapRssItem(item: unknown): RawItem {
	const attributes = field(item, 'attributes');
	const text = (key: string, alwaysHtml = false) => rawText(field(item, key), alwaysHtml);
	return {
		id: firstTrimmed(field(item, 'guid'), field(item, 'atomPrefixedId')) ?? attributeOf(attributes, 'rdf:about')?.trim(),
		title: text('title') ?? text('dcTitle') ?? text('atomPrefixedTitle'),
		link:
			textLink(field(item, 'link')) ??
			hrefLink([field(item, 'link'), field(item, 'atomPrefixedLink')], true) ??
			attributeAnyCase(attributes, 'href') ??
			rssPermalink(item),
		author: firstName(
			field(item, 'dcCreator'),
			field(item, 'author'),
			field(item, 'dcAuthor'),
			field(item, 'itunesAuthor'),
			field(item, 'atomPrefixedAuthor'),
		),
		published:
			firstTrimmed(
				field(item, 'pubDate'),
				field(item, 'atomPrefixedPublished'),
				field(item, 'published'),
				field(item, 'issued'),
				field(item, 'dctermsIssued'),
				field(item, 'dcDate'),
				field(item, 'dctermsModified'),
				field(item, 'atomPrefixedUpdated'),
				field(item, 'updated'),
				field(item, 'modified'),
				field(item, 'dctermsCreated'),
				field(item, 'created'),
			) ?? attributeAnyCase(attributes, 'lastmod'),
		summary: text('description') ?? text('summary') ?? text('dcDescription') ?? text('abstract') ?? text('atomPrefixedSummary'),
		content:
			text('contentEncoded', true) ??
			text('xhtmlBody', true) ??
			text('body', true) ??
			text('fullitem', true) ??
			atomContent(field(item, 'atomPrefixedContent')),
		categories: categoryNames(field(item, 'category'), field(item, 'dcSubject')),
		base: attributeOf(attributes, 'xml:base')?.trim(),
	};
}

export function mapAtomEntry(entry: unknown, feedAuthor: string | undefined): RawItem {
	const id = firstTrimmed(field(entry, 'id'));
	return {
		id,
		title: rawText(field(entry, 'title')) ?? rawText(field(entry, 'dcTitle')),
		// An entry without a page of its own is often identified by its address.
		link:
			hrefLink([field(entry, 'atomLink')]) ??
			textLink(field(entry, 'atomLink')) ??
			(id !== undefined && HTTP_URL.test(id) ? id : undefined),
		author: firstName(field(entry, 'author'), field(entry, 'dcCreator')) ?? feedAuthor,
		published: firstTrimmed(
			field(entry, 'atomPublished'),
			field(entry, 'issued'),
			field(entry, 'dctermsIssued'),
			field(entry, 'atomUpdated'),
			field(entry, 'modified'),
			field(entry, 'dcDate'),
			field(entry, 'dctermsModified'),
			field(entry, 'created'),
			field(entry, 'dctermsCreated'),
		),
		summary: rawText(field(entry, 'summary')) ?? rawText(field(entry, 'dcDescription')),
		content: atomContent(field(entry, 'atomContent')),
		categories: categoryNames(field(entry, 'category'), field(entry, 'dcSubject')),
		base: attributeOf(field(entry, 'attributes'), 'xml:base')?.trim(),
	};
}
