import type * as HtmlToText from 'html-to-text';
import type {FormatCallback, HtmlToTextOptions} from 'html-to-text';
import {lazyRequire} from '../../shims/lazy-require.js';
import type {ArticleBody} from '../articles/article-body.js';
import {resolveLink} from '../articles/resolve-link.js';
import {CONVERTER_OPTIONS} from './html-formatters.js';
import {crudeHtmlToText, normalizeLayout, prepareHtml} from './html-text.js';
import {sanitizeLine, sanitizeText} from './sanitize.js';

const htmlToText = lazyRequire<typeof HtmlToText>('html-to-text');

/** A body as the article view shows it: links numbered in the text (`word [1]`), their targets apart. */
export type LinkedText = {
	text: string;
	/** `links[0]` is link [1]. As the feed gave them, made absolute where the body has a base. */
	links: readonly string[];
};

/** What one conversion collects: the body's base URL and its links, numbered in order of appearance. */
type LinkCollector = {base: string | undefined; links: string[]};

function collectorOf(builder: Parameters<FormatCallback>[2]): LinkCollector {
	// html-to-text hands each formatter the metadata given to the converter (missing from its types).
	return (builder as unknown as {metadata: LinkCollector}).metadata;
}

/**
 * A link's target as listed: absolute when it can be resolved against the base, else the href as
 * written. Unsafe schemes (javascript:) are kept, to be listed and refused, never opened.
 */
function linkTarget(href: string, base: string | undefined): string {
	const written = sanitizeLine(href);
	if (base === undefined) return written;
	return resolveLink(written, [base]) ?? written;
}

function numberFor(collector: LinkCollector, target: string): number {
	const known = collector.links.indexOf(target);
	if (known !== -1) return known + 1;
	collector.links.push(target);
	return collector.links.length;
}

const formatNumberedAnchor: FormatCallback = (elem, walk, builder) => {
	const href = typeof elem.attribs?.href === 'string' ? elem.attribs.href.trim() : '';
	const collector = collectorOf(builder);
	// Anchors within the page lead nowhere the reader can go.
	const target = href === '' || href.startsWith('#') ? '' : linkTarget(href, collector.base);
	if (target === '') {
		walk(elem.children, builder);
		return;
	}
	let hasText = false;
	builder.pushWordTransform(word => {
		if (word) hasText = true;
		return word;
	});
	walk(elem.children, builder);
	builder.popWordTransform();
	builder.addInline(`${hasText ? ' ' : ''}[${numberFor(collector, target)}]`, {noWordTransform: true});
};

const LINKED_OPTIONS: HtmlToTextOptions = {
	...CONVERTER_OPTIONS,
	formatters: {...CONVERTER_OPTIONS.formatters, numberedAnchor: formatNumberedAnchor},
	selectors: (CONVERTER_OPTIONS.selectors ?? []).map(selector =>
		selector.selector === 'a' ? {selector: 'a', format: 'numberedAnchor'} : selector,
	),
};

let converter: ((html: string, metadata: LinkCollector) => string) | undefined;

function convertLinked(value: string, base: string | undefined): LinkedText {
	const html = prepareHtml(value);
	const collector: LinkCollector = {base, links: []};
	let raw: string;
	try {
		converter ??= htmlToText().compile(LINKED_OPTIONS);
		raw = converter(html, collector);
	} catch {
		// Absurdly deep markup can overflow html-to-text's recursion: text without links then.
		return {text: crudeHtmlToText(html), links: []};
	}
	return {text: raw, links: collector.links};
}

const cache = new WeakMap<ArticleBody, LinkedText>();

const NO_TEXT: LinkedText = {text: '', links: []};

/**
 * An article body as readable text with its links numbered: `see the report [1]` in the text and
 * the target of [1] in `links`. A plain-text body has no links. Memoized per body; never throws.
 */
export function bodyToLinkedText(body: ArticleBody): LinkedText {
	if (typeof body !== 'object' || body === null) return NO_TEXT;
	const cached = cache.get(body);
	if (cached !== undefined) return cached;
	let result: LinkedText;
	try {
		const value = typeof body.value === 'string' ? body.value : '';
		const base = typeof body.base === 'string' ? body.base : undefined;
		const converted = body.format === 'html' ? convertLinked(value, base) : {text: value, links: []};
		// Sanitized after decoding, as bodyToText does: `&#27;` becomes a real ESC only in conversion.
		result = {text: normalizeLayout(sanitizeText(converted.text)), links: converted.links};
	} catch {
		result = NO_TEXT;
	}
	cache.set(body, result);
	return result;
}
