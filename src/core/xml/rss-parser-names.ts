// rss-parser must not see some elements under their own names; the repair scan renames them,
// and the field mapping reads them back under RENAMED:
// - Atom entry dates: it throws on an unparsable one;
// - Atom links: it throws on one without attributes;
// - item bodies: it builds a snippet from them with regular expressions that take quadratic time
//   on hostile input.
import type {XmlDialect} from './dialect.js';

export const RENAMED = {
	atomPublished: 'flashnews-published',
	atomUpdated: 'flashnews-updated',
	atomLink: 'flashnews-link',
	atomContent: 'flashnews-content',
	rssDescription: 'flashnews-description',
	rssContentEncoded: 'flashnews-content-encoded',
} as const;

/**
 * rss-parser reads `entry.link` and `feed.link`; when xml2js makes an element with only text
 * (or nothing) a string, that finds String.prototype.link and throws. This attribute, given to
 * Atom <feed> and <entry>, keeps them objects.
 */
export const ATOM_MARKER = 'flashnews-element=""';

// Maps, not object literals: element names like __proto__ must not find inherited properties.
const ATOM_ENTRY_RENAMES = new Map<string, string>([
	['published', RENAMED.atomPublished],
	['updated', RENAMED.atomUpdated],
	['link', RENAMED.atomLink],
	['content', RENAMED.atomContent],
]);
const RSS_ITEM_RENAMES = new Map<string, string>([
	['description', RENAMED.rssDescription],
	['content:encoded', RENAMED.rssContentEncoded],
]);

/** The name rss-parser gets for element `name` inside `parent`, or undefined to leave it. */
export function renameForRssParser(dialect: XmlDialect, parent: string | undefined, name: string): string | undefined {
	if (dialect === 'atom') {
		if (parent === 'entry') return ATOM_ENTRY_RENAMES.get(name);
		if (parent === 'feed' && name === 'link') return RENAMED.atomLink;
	} else if (dialect === 'rss' && parent === 'item') {
		return RSS_ITEM_RENAMES.get(name);
	}
	return undefined;
}
