/** What the text looks like from its first characters, without parsing it. */
export type TextKind = 'json' | 'xml' | 'html' | 'unknown';

// Only a prefix is looked at, so a 200 MB file costs no more to sniff than a small one.
const PREFIX_LENGTH = 4096;
const LEADING_SPACE = /^[\uFEFF\s]+/;
// An XML declaration, processing instructions and comments may come before the root element.
const PROLOG = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|\s+)+/;
const HTML_START = /^<(?:!doctype\s+html|html|head|body)[\s>]/i;

/** Sniffs a decoded document: JSON, XML, an HTML page, or something else. */
export function sniffText(text: string): TextKind {
	const prefix = text.slice(0, PREFIX_LENGTH).replace(LEADING_SPACE, '');
	const first = prefix[0];
	if (first === '{' || first === '[') return 'json';
	if (first !== '<') return 'unknown';
	return HTML_START.test(prefix.replace(PROLOG, '')) ? 'html' : 'xml';
}
