import type {XmlDialect} from './dialect.js';
import type {NamespaceScope} from './element-names.js';
import {channelAttributes, rssRoot} from './feed-structure.js';
import {ATOM_MARKER, renameForRssParser} from './rss-parser-names.js';

/** An element the repair scan has met the start tag of and not yet the end tag. */
export type OpenElement = {
	/** As written, to match its end tag. */
	name: string;
	/** By namespace (element-names.ts). */
	canonical: string;
	/** The name written out when it is not `name`; '' when both tags are left out. */
	output?: string;
	/** What replaces the end tag, when more than its name changes. */
	end?: string;
	/** The root or a channel of an RSS-family document: its children are feed elements and items. */
	feedLevel?: boolean;
	scope: NamespaceScope;
};

export type StartTagContext = {
	dialect: XmlDialect;
	isRoot: boolean;
	isItem: boolean;
	parent: OpenElement | undefined;
	selfClosing: boolean;
};

/**
 * What a start tag outside inline xhtml becomes, given the tag with its attributes already
 * repaired, and how its end tag will be written (recorded on `element`): the RSS structure of
 * feed-structure.ts, then the names of element-names.ts and rss-parser-names.ts. The tag itself
 * when nothing changes.
 */
export function writeStartTag(element: OpenElement, tag: string, context: StartTagContext): string {
	const {dialect, isRoot, isItem, parent, selfClosing} = context;
	if (dialect === 'rss' && !selfClosing && (isRoot || (element.canonical === 'channel' && parent?.feedLevel))) {
		element.feedLevel = true;
		const rest = tag.slice(1 + element.name.length);
		if (!isRoot) {
			element.output = '';
			return channelAttributes(rest);
		}
		const root = rssRoot(element.canonical, rest);
		element.end = root.end;
		return root.start;
	}
	const renamed = renameForRssParser(dialect, parent?.canonical, element.canonical) ?? element.canonical;
	const marker = dialect === 'atom' && (isRoot || isItem) ? ` ${ATOM_MARKER}` : '';
	if (renamed === element.name && marker === '') return tag;
	if (renamed !== element.name) element.output = renamed;
	return `<${renamed}${marker}${tag.slice(1 + element.name.length)}`;
}

/** How the end tag of `element` is written, given the tag as written and its name. */
export function writeEndTag(element: OpenElement, written: string, name: string): string {
	if (element.end !== undefined) return element.end;
	if (element.output === '') return '';
	if (element.output === undefined) return written;
	return `</${element.output}${written.slice(2 + name.length)}`;
}
