import {decodeHTMLStrict} from 'entities';
import type * as HtmlToText from 'html-to-text';
import type {DomNode, FormatCallback, HtmlToTextOptions} from 'html-to-text';
import type {ArticleBody} from '../articles/article-body.js';
import {lazyRequire} from '../../shims/lazy-require.js';
import {resolveLink} from '../articles/resolve-link.js';
import {sanitizeLine, sanitizeText} from './sanitize.js';
import {boundBody, boundLineField, boundLineFieldInput, leftOutNote, MAX_BODY_CHARS, MAX_GRID_CELLS, MAX_HTML_DEPTH, nestsTooDeep} from './text-limits.js';

const htmlToText = lazyRequire<typeof HtmlToText>('html-to-text');

// Tag names that make a string "HTML" and that are stripped from one-line fields. A fixed list
// keeps text such as `vector<int>` or `List<String>` intact.
const KNOWN_TAGS =
	'a|abbr|address|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|code|dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|p|picture|pre|q|s|samp|script|section|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|tfoot|th|thead|time|tr|tt|u|ul|var|video|wbr';
const TAG = new RegExp(String.raw`<\/?(?:${KNOWN_TAGS})(?=[\s/>])[^<>]*>`, 'gi');
const LINE_BREAKING_TAG = new RegExp(String.raw`<\/?(?:br|p|div|li|h[1-6]|tr|td|th)(?=[\s/>])[^<>]*>`, 'gi');
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const LOOKS_LIKE_TAG = new RegExp(String.raw`<\/?(?:${KNOWN_TAGS})(?:\s[^<>]*)?\/?>`, 'i');
const ENTITY = /&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
// A feed that escaped its HTML twice: `&amp;lt;` is meant as `&lt;`, `&amp;amp;` as `&amp;`.
const DOUBLE_ESCAPED_ENTITY = /&amp;(?=#?[0-9a-z]{1,32};)/gi;
// A whole body that is escaped HTML (`&lt;p&gt;…`) with no real tag in it.
const ESCAPED_MARKUP = new RegExp(String.raw`&lt;\/?(?:${KNOWN_TAGS})(?:\s|\/|&gt;)`, 'i');
const UNSAFE_URL = /^(?:javascript|data|vbscript):/;

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
		const decoded = decodeHTMLStrict(text);
		if (decoded === text) break;
		text = decoded;
	}
	if (text.includes('<')) {
		text = text.replace(COMMENT, '').replace(LINE_BREAKING_TAG, ' ').replace(TAG, '');
	}
	return sanitizeLine(text);
}

function safeHref(href: string): string {
	// Browsers ignore whitespace and controls inside a scheme (`java\tscript:`), so compare without them.
	const scheme = href.replace(/[\s\u0000-\u001F]/g, '').toLowerCase();
	return UNSAFE_URL.test(scheme) ? '' : href;
}

/** Relative links resolve against the body's base; a link that cannot be made absolute and safe shows no URL. */
function absoluteHref(href: string, metadata: {base?: string} | undefined): string {
	const safe = safeHref(href);
	if (safe === '' || metadata?.base === undefined) return safe;
	return resolveLink(safe, [metadata.base]) ?? '';
}

const formatImage: FormatCallback = (elem, _walk, builder) => {
	const alt = typeof elem.attribs?.alt === 'string' ? elem.attribs.alt.replace(/\s+/g, ' ').trim() : '';
	if (alt) builder.addInline(`[image: ${alt}]`, {noWordTransform: true});
};

const formatQuote: FormatCallback = (elem, walk, builder) => {
	builder.openBlock({leadingLineBreaks: 2});
	walk(elem.children, builder);
	builder.closeBlock({
		trailingLineBreaks: 2,
		blockTransform: (block) =>
			block
				.replace(/^\n+|\n+$/g, '')
				.split('\n')
				.map((line) => (line ? `  ${line}` : line))
				.join('\n'),
	});
};

function formatList(elem: DomNode, walk: Parameters<FormatCallback>[1], builder: Parameters<FormatCallback>[2], nextPrefix: () => string): void {
	const nested = elem.parent?.name === 'li';
	const items = elem.children
		.filter((child) => child.type !== 'text' || !/^\s*$/.test(child.data ?? ''))
		.map((child) => ({node: child, prefix: child.name === 'li' ? nextPrefix() : ''}));
	if (items.length === 0) return;
	builder.openList({
		interRowLineBreaks: 1,
		leadingLineBreaks: nested ? 1 : 2,
		maxPrefixLength: Math.max(...items.map((item) => item.prefix.length)),
		prefixAlign: 'left',
	});
	for (const {node, prefix} of items) {
		builder.openListItem({prefix});
		walk([node], builder);
		builder.closeListItem();
	}
	builder.closeList({trailingLineBreaks: nested ? 1 : 2});
}

const formatUnorderedList: FormatCallback = (elem, walk, builder) => {
	formatList(elem, walk, builder, () => '• ');
};

const formatOrderedList: FormatCallback = (elem, walk, builder) => {
	const start = Number.parseInt(String(elem.attribs?.start ?? '1'), 10);
	let next = Number.isSafeInteger(start) ? start : 1;
	formatList(elem, walk, builder, () => `${next++}. `);
};

function tableRows(node: DomNode): DomNode[] {
	return node.children.flatMap((child) => {
		if (child.type !== 'tag') return [];
		if (child.name === 'tr') return [child];
		return ['thead', 'tbody', 'tfoot'].includes(child.name ?? '') ? tableRows(child) : [];
	});
}

const isCell = (node: DomNode): boolean => node.name === 'td' || node.name === 'th';

// A grid is laid out all at once and costs far more a cell than text; a table too big for one is
// shown a row a line, its cells separated by ` · `.
const formatRows: FormatCallback = (elem, walk, builder) => {
	builder.openBlock({leadingLineBreaks: 2});
	for (const row of tableRows(elem)) {
		builder.openBlock({leadingLineBreaks: 1});
		row.children.filter(isCell).forEach((cell, index) => {
			if (index > 0) builder.addInline(' · ');
			walk(cell.children, builder);
		});
		builder.closeBlock({trailingLineBreaks: 1});
	}
	builder.closeBlock({trailingLineBreaks: 2});
};

// Tables with two or more columns are laid out as a grid; one-column tables are almost always
// page layout, and a grid would only squeeze their text into a narrow column.
const formatTable: FormatCallback = (elem, walk, builder, options) => {
	const rows = tableRows(elem);
	const isGrid = rows.some((row) => row.children.filter(isCell).length > 1);
	const cells = rows.reduce((sum, row) => sum + row.children.filter(isCell).length, 0);
	if (isGrid && cells > MAX_GRID_CELLS) return formatRows(elem, walk, builder, options);
	const formatter = builder.options.formatters[isGrid ? 'dataTable' : 'block'];
	formatter?.(elem, walk, builder, options);
};

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
	selector,
	options: {uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2},
}));

function textOf(node: DomNode): string {
	if (node.type === 'text') return node.data ?? '';
	return (node.children ?? []).map(textOf).join('');
}

/** The texts of the <title> and <desc> elements inside an SVG graphic, in document order. */
function svgTexts(node: DomNode, into: string[]): string[] {
	for (const child of node.children ?? []) {
		if (child.type !== 'tag') continue;
		if (child.name === 'title' || child.name === 'desc') {
			const text = textOf(child).replace(/\s+/g, ' ').trim();
			if (text) into.push(text);
		} else {
			svgTexts(child, into);
		}
	}
	return into;
}

// An inline graphic shows as what it says about itself (its title and description), one per line.
const formatSvg: FormatCallback = (elem, _walk, builder) => {
	const texts = svgTexts(elem, []);
	if (texts.length === 0) return;
	builder.openBlock({leadingLineBreaks: 1});
	texts.forEach((text, index) => {
		if (index > 0) builder.addLineBreak();
		builder.addInline(text, {noWordTransform: true});
	});
	builder.closeBlock({trailingLineBreaks: 1});
};

const skipped = ['audio', 'embed', 'iframe', 'object', 'template', 'video'].map((selector) => ({
	selector,
	format: 'skip',
}));

/** How bodies convert; src/core/text/linked-text.ts reuses it with numbered links. */
export const CONVERTER_OPTIONS: HtmlToTextOptions = {
	wordwrap: false,
	// HTML whitespace plus no-break spaces: `&nbsp;&nbsp;` padding is layout, not content.
	whitespaceCharacters: ' \t\r\n\f\u200b\u00a0',
	formatters: {
		readableImage: formatImage,
		indentedQuote: formatQuote,
		bulletList: formatUnorderedList,
		numberedList: formatOrderedList,
		readableTable: formatTable,
		svgText: formatSvg,
	},
	selectors: [
		{
			selector: 'a',
			options: {linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true, pathRewrite: absoluteHref},
		},
		{selector: 'img', format: 'readableImage'},
		{selector: 'blockquote', format: 'indentedQuote'},
		{selector: 'ul', format: 'bulletList'},
		{selector: 'ol', format: 'numberedList'},
		{selector: 'table', format: 'readableTable', options: {uppercaseHeaderCells: false, maxColumnWidth: 40, colSpacing: 2}},
		{selector: 'hr', options: {length: 20}},
		{selector: 'figcaption', format: 'block'},
		{selector: 'svg', format: 'svgText'},
		...headings,
		...skipped,
	],
};

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
	return decodeHTMLStrict(html.replace(/<(?:br|\/p|\/div|\/li|\/h[1-6])\b[^<>]*>/gi, '\n').replace(/<[^<>]*>/g, ''));
}

/** A body's HTML as the converter takes it: cut to size, and unescaped where a feed escaped it. */
export function prepareHtml(value: string): string {
	let html = value.length > MAX_BODY_CHARS ? value.slice(0, MAX_BODY_CHARS) : value;
	if (!html.includes('<') && ESCAPED_MARKUP.test(html)) html = decodeHTMLStrict(html);
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
		.map((line) => line.trimEnd())
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
