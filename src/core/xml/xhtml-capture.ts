// Inline xhtml (Atom xhtml text constructs, an RSS item's <xhtml:body>) would arrive from xml2js as
// an object tree that has lost the order of text and markup. The repair scan wraps its inside in
// CDATA instead, so the markup reaches the reader as one HTML string in document order. These are
// the rules for that wrapping.

import {HTML_VOID_ELEMENTS} from '../text/html-void-elements.js';
import type {XmlDialect} from './dialect.js';

const ATOM_TEXT_CONSTRUCTS = new Set(['title', 'subtitle', 'tagline', 'summary', 'content', 'rights', 'copyright']);
const ATOM_CONTAINERS = new Set(['feed', 'entry', 'source']);
const RSS_ITEM_BODIES = new Set(['xhtml:body', 'body']);
// Inside a capture these never get a closing tag, so they must not be pushed as open elements.

// Each begins with a fixed whitespace-and-name prefix, so a long run of name characters is never
// re-scanned from every position inside it.
const TYPE_ATTRIBUTE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const MODE_ATTRIBUTE = /\smode\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function attributeValue(tag: string, pattern: RegExp): string | undefined {
	const match = pattern.exec(tag);
	return match ? (match[1] ?? match[2] ?? '').trim().toLowerCase() : undefined;
}

/** Atom 1.0 says type="xhtml"; Atom 0.3 says an XML MIME type with mode="xml" (the default). */
function isInlineXhtml(tag: string): boolean {
	const type = attributeValue(tag, TYPE_ATTRIBUTE);
	if (type === 'xhtml') return true;
	const mode = attributeValue(tag, MODE_ATTRIBUTE) ?? 'xml';
	return type === 'application/xhtml+xml' && mode === 'xml';
}

/** What a CDATA section already in the captured markup becomes: its text, escaped as HTML. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inside the CDATA wrapper, `]]>` would end it early: it is split across two sections. */
export const CDATA_SPLIT = ']]]]><![CDATA[>';

export function protectCdata(text: string): string {
	return text.includes(']]>') ? text.replaceAll(']]>', CDATA_SPLIT) : text;
}

/** True when the element (canonical names, element-names.ts) holds inline xhtml to capture. */
export function startsCapture(dialect: XmlDialect, parent: string | undefined, name: string, tag: string): boolean {
	if (parent === undefined) return false;
	if (dialect === 'rss') return parent === 'item' && RSS_ITEM_BODIES.has(name);
	return dialect === 'atom' && ATOM_CONTAINERS.has(parent) && ATOM_TEXT_CONSTRUCTS.has(name) && isInlineXhtml(tag);
}

/**
 * A start tag inside inline xhtml (ampersands already repaired) as HTML: an xhtml prefix dropped
 * (`<xhtml:p>` is `<p>`), `]]>` split. `local` is its name as HTML; `opens` is false for an element
 * that never gets an end tag.
 */
export function capturedStartTag(
	tag: string,
	name: string,
	canonical: string,
	selfClosing: boolean,
): {output: string; local: string; opens: boolean} {
	const local = canonical.startsWith('xhtml:') ? canonical.slice(6) : name;
	const renamed = local === name ? tag : `<${local}${tag.slice(1 + name.length)}`;
	return {output: protectCdata(renamed), local, opens: !selfClosing && !HTML_VOID_ELEMENTS.has(local.toLowerCase())};
}
