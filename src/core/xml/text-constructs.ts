import type {RawText} from '../articles/raw-feed.js';
import {attribute, firstText, nodeList} from './nodes.js';

// Text constructs (titles, summaries, bodies): whether a text is HTML, and Atom 0.3's encodings.

// Markup (a tag, a document type declaration, a comment) or an entity reference left after XML
// parsing means the text is HTML source.
const LOOKS_LIKE_HTML = /<\/?[A-Za-z][^<>]*>|<!(?:doctype|--)|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const strictUtf8 = new TextDecoder('utf-8', {fatal: true});

/** What an Atom `type` (or Atom 0.3 `mode`) attribute says; undefined when it says nothing. */
function declaredHtml(node: unknown): boolean | undefined {
	const type = attribute(node, 'type')?.trim().toLowerCase();
	if (type === 'html' || type === 'xhtml' || type === 'text/html' || type === 'application/xhtml+xml') return true;
	if (type === 'text' || type === 'text/plain') return false;
	const mode = attribute(node, 'mode')?.trim().toLowerCase();
	// Atom 0.3: without a type, the text is text/plain whatever its mode.
	if (type === undefined && mode !== undefined) return false;
	return mode === 'escaped' ? true : undefined;
}

/**
 * Atom 0.3 mode="base64": the text decoded as UTF-8. Anything that is not valid base64 of UTF-8
 * text stays as written, as Python's feedparser leaves it.
 */
function decodedText(node: unknown, text: string): string {
	if (attribute(node, 'mode')?.trim().toLowerCase() !== 'base64') return text;
	const compact = text.replace(/\s+/g, '');
	if (compact.length % 4 !== 0 || !BASE64.test(compact)) return text;
	try {
		return strictUtf8.decode(Buffer.from(compact, 'base64'));
	} catch {
		return text;
	}
}

/**
 * The first non-blank text among `value`'s nodes, with html=true when the feed says it is HTML
 * (or `alwaysHtml`), false when it says text, and otherwise when it looks like HTML.
 */
export function rawText(value: unknown, alwaysHtml = false): RawText | undefined {
	const found = firstText(value);
	if (!found) return undefined;
	const text = decodedText(found.node, found.text);
	if (text.trim() === '') return undefined;
	const html = alwaysHtml || (declaredHtml(found.node) ?? LOOKS_LIKE_HTML.test(text));
	return {value: text, html};
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
	const text = decodedText(found.node, found.text);
	return declaredHtml(found.node) ? text.replace(TAG, '') : text;
}
