// Atom xhtml text constructs arrive from xml2js as an object tree that has lost the order of text
// and markup. The repair scan wraps their inside in CDATA instead, so the markup reaches the
// reader as one HTML string in document order. These are the rules for that wrapping.

export const ATOM_TEXT_CONSTRUCTS = new Set(['title', 'subtitle', 'tagline', 'summary', 'content', 'rights', 'copyright']);
export const ATOM_CONTAINERS = new Set(['feed', 'entry', 'source']);
// Inside a capture these never get a closing tag, so they must not be pushed as open elements.
export const HTML_VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

// Each begins with a fixed whitespace-and-name prefix, so a long run of name characters is never
// re-scanned from every position inside it.
const TYPE_ATTRIBUTE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const MODE_ATTRIBUTE = /\smode\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function attributeValue(tag: string, pattern: RegExp): string | undefined {
	const match = pattern.exec(tag);
	return match ? (match[1] ?? match[2] ?? '').trim().toLowerCase() : undefined;
}

/** Atom 1.0 says type="xhtml"; Atom 0.3 says an XML MIME type with mode="xml" (the default). */
export function isInlineXhtml(tag: string): boolean {
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
