import type * as HtmlToText from 'html-to-text';
import type {HtmlToTextOptions} from 'html-to-text';
import {lazyRequire} from '../../shims/lazy-require.js';
import type {ArticleBody} from '../articles/article-body.js';
import {decodeHtmlStrict} from './html-entities.js';
import {CONVERTER_OPTIONS} from './html-formatters.js';
import {sanitizeLine, sanitizeText} from './sanitize.js';
import {boundBody, boundLineField, boundLineFieldInput, leftOutNote, MAX_BODY_CHARS, MAX_HTML_DEPTH, nestsTooDeep} from './text-limits.js';

const htmlToText = lazyRequire<typeof HtmlToText>('html-to-text');

// Tag names that make a string "HTML" and that are stripped from one-line fields. A fixed list
// keeps text such as `vector<int>` or `List<String>` intact.
const KNOWN_TAGS = [
	'a|abbr|address|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|code',
	'dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|h[1-6]|head|header|hr|html',
	'i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|p|picture|pre',
	'q|s|samp|script|section|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody',
	'td|tfoot|th|thead|time|tr|tt|u|ul|var|video|wbr',
].join('|');
const TAG = new RegExp(String.raw`<\/?(?:${KNOWN_TAGS})(?=[\s/>])[^<>]*>`, 'gi');
const LINE_BREAKING_TAG = /<\/?(?:br|p|div|li|h[1-6]|tr|td|th)(?=[\s/>])[^<>]*>/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const LOOKS_LIKE_TAG = new RegExp(String.raw`<\/?(?:${KNOWN_TAGS})(?:\s[^<>]*)?\/?>`, 'i');
const ENTITY = /&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
// A feed that escaped its HTML twice: `&amp;lt;` is meant as `&lt;`, `&amp;amp;` as `&amp;`.
const DOUBLE_ESCAPED_ENTITY = /&amp;(?=#?[0-9a-z]{1,32};)/gi;
// A whole body that is escaped HTML (`&lt;p&gt;…`) with no real tag in it.
const ESCAPED_MARKUP = new RegExp(String.raw`&lt;\/?(?:${KNOWN_TAGS})(?:\s|\/|&gt;)`, 'i');

/** Cheap guess whether a plain "content" string is HTML: a known tag or an entity reference. */
export function looksLikeHtml(value: string): boolean {
	if (typeof value !== 'string') return false;
	return LOOKS_LIKE_TAG.test(value) || ENTITY.test(value);
}

/**
 * One-line field (title, author, category) that may carry HTML or entities, to plain text.
 * Entities are decoded up to twice so double-escaped feeds come out right; then tags go. A field
 * longer than a few screens is cut (src/core/text/text-limits.ts).
 */
export function inlineHtmlToText(value: string): string {
	if (typeof value !== 'string') return sanitizeLine(value);
	return boundLineField(lineFieldToText(boundLineFieldInput(value)));
}

function lineFieldToText(value: string): string {
	if (!value.includes('<') && !value.includes('&')) return sanitizeLine(value);
	let text = value;
	for (let round = 0; round < 2 && text.includes('&'); round++) {
		const decoded = decodeHtmlStrict(text);
		if (decoded === text) break;
		text = decoded;
	}
	if (text.includes('<')) {
		text = text.replace(COMMENT, '').replace(LINE_BREAKING_TAG, ' ').replace(TAG, '');
	}
	return sanitizeLine(text);
}

let converter: ((html: string, metadata?: {base?: string}) => string) | undefined;

// Conversion costs time in proportion to nesting depth times size (each quote or list level
// re-indents all it holds). Bodies nested too deep are converted crudely (htmlBodyToText); this
// stops whatever that count misses, leaving out what lies deeper.
const CONVERSION_LIMITS: HtmlToTextOptions['limits'] = {maxDepth: 2 * MAX_HTML_DEPTH, ellipsis: '…'};

function convertHtml(html: string, base: string | undefined): string {
	converter ??= htmlToText().compile({...CONVERTER_OPTIONS, limits: CONVERSION_LIMITS});
	return converter(html, {base});
}

export function crudeHtmlToText(html: string): string {
	return decodeHtmlStrict(html.replace(/<(?:br|\/p|\/div|\/li|\/h[1-6])\b[^<>]*>/gi, '\n').replace(/<[^<>]*>/g, ''));
}

/** A body's HTML as the converter takes it: cut to size, and unescaped where a feed escaped it. */
export function prepareHtml(value: string): string {
	let html = value.length > MAX_BODY_CHARS ? value.slice(0, MAX_BODY_CHARS) : value;
	if (!html.includes('<') && ESCAPED_MARKUP.test(html)) html = decodeHtmlStrict(html);
	return html.replace(DOUBLE_ESCAPED_ENTITY, '&');
}

function htmlBodyToText(value: string, base: string | undefined): string {
	const html = prepareHtml(value);
	if (nestsTooDeep(html)) return crudeHtmlToText(html);
	try {
		return convertHtml(html, base);
	} catch {
		// html-to-text recurses per nesting level; absurdly deep markup can overflow the stack.
		return crudeHtmlToText(html);
	}
}

/** No trailing spaces, no more than one blank line in a row, no blank lines at either end. */
export function normalizeLayout(text: string): string {
	return text
		.replace(/\u00A0/g, ' ')
		.split('\n')
		.map(line => line.trimEnd())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.replace(/^\n+/, '')
		.trimEnd();
}

const cache = new WeakMap<ArticleBody, string>();

/**
 * An article body (HTML or text) as readable plain text: paragraphs separated by one blank line,
 * lists as `• item` / `1. item`, links as `text (url)`, no word wrapping (the UI wraps).
 * Memoized per body object, since the detail view asks on every render. Never throws.
 */
export function bodyToText(body: ArticleBody): string {
	if (typeof body !== 'object' || body === null) return '';
	const cached = cache.get(body);
	if (cached !== undefined) return cached;
	let text: string;
	try {
		const format = body.format === 'html' ? 'html' : 'text';
		const {value, leftOut} = boundBody(typeof body.value === 'string' ? body.value : '', format);
		const raw = format === 'html' ? htmlBodyToText(value, typeof body.base === 'string' ? body.base : undefined) : value;
		// Sanitize after decoding: `&#27;` in the HTML becomes a real ESC only now.
		text = normalizeLayout(sanitizeText(raw));
		if (leftOut > 0) text = `${text}\n\n${leftOutNote(leftOut)}`;
	} catch {
		text = '';
	}
	cache.set(body, text);
	return text;
}
