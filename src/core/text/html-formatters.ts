import type {DomNode, FormatCallback, HtmlToTextOptions} from 'html-to-text';
import {resolveLink} from '../articles/resolve-link.js';
import {MAX_GRID_CELLS} from './text-limits.js';

const UNSAFE_URL = /^(?:javascript|data|vbscript):/;

// How html-to-text lays out an article body: links, images, quotes, lists, tables, SVG text, and
// the elements left out.

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
		blockTransform: block =>
			block
				.replace(/^\n+|\n+$/g, '')
				.split('\n')
				.map(line => (line ? `  ${line}` : line))
				.join('\n'),
	});
};

function formatList(
	elem: DomNode,
	walk: Parameters<FormatCallback>[1],
	builder: Parameters<FormatCallback>[2],
	nextPrefix: () => string,
): void {
	const nested = elem.parent?.name === 'li';
	const items = elem.children
		.filter(child => child.type !== 'text' || !/^\s*$/.test(child.data ?? ''))
		.map(child => ({node: child, prefix: child.name === 'li' ? nextPrefix() : ''}));
	if (items.length === 0) return;
	builder.openList({
		interRowLineBreaks: 1,
		leadingLineBreaks: nested ? 1 : 2,
		maxPrefixLength: Math.max(...items.map(item => item.prefix.length)),
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
	return node.children.flatMap(child => {
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
	const isGrid = rows.some(row => row.children.filter(isCell).length > 1);
	const cells = rows.reduce((sum, row) => sum + row.children.filter(isCell).length, 0);
	if (isGrid && cells > MAX_GRID_CELLS) return formatRows(elem, walk, builder, options);
	const formatter = builder.options.formatters[isGrid ? 'dataTable' : 'block'];
	formatter?.(elem, walk, builder, options);
};

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(selector => ({
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

const skipped = ['audio', 'embed', 'iframe', 'object', 'template', 'video'].map(selector => ({
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
