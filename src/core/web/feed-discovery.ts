import type * as Htmlparser2 from 'htmlparser2';
import {lazyRequire} from '../../shims/lazy-require.js';
import {sniffText} from '../detect-format.js';
import {sanitizeLine} from '../text/sanitize.js';

const htmlparser2 = lazyRequire<typeof Htmlparser2>('htmlparser2');

/** A feed a web page names in its head with `<link rel="alternate" type=… href=…>`. */
export type FeedLink = {url: string; format: 'rss' | 'atom' | 'json'; title?: string};

const FEED_TYPES = new Map<string, FeedLink['format']>([
	['application/rss+xml', 'rss'],
	['application/atom+xml', 'atom'],
	['application/feed+json', 'json'],
]);
const HTML_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const PREFIX_LENGTH = 4096;
const PROLOG = /^(?:\uFEFF|\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)+/;
// Elements that open an HTML page (or fragment) and never a feed document.
const HTML_FIRST_ELEMENT = /^<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|noscript|div|p|span|table|a|h[1-6])[\s>/]/i;
const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/;
const MAX_LINKS = 20;

/**
 * Whether a document that did not parse as a feed is a web page: its text starts like HTML, or
 * the server called it HTML (`mediaType`) and no feed element opens it. A feed served as text/html
 * is still read as a feed: this is asked only once parsing has failed.
 */
export function isWebPage(text: string, mediaType?: string): boolean {
	const kind = sniffText(text);
	if (kind === 'html') return true;
	if (kind === 'json') return false;
	const prefix = text.slice(0, PREFIX_LENGTH).replace(PROLOG, '');
	if (HTML_FIRST_ELEMENT.test(prefix)) return true;
	return mediaType !== undefined && HTML_MEDIA_TYPES.has(mediaType.toLowerCase()) && !FEED_ROOT.test(prefix);
}

function resolveHttp(href: string, base: string): string | undefined {
	try {
		const url = new URL(href.trim(), base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

function feedFormat(attributes: Record<string, string>): FeedLink['format'] | undefined {
	const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
	if (!rel.includes('alternate')) return undefined;
	const type = (attributes.type ?? '').split(';', 1)[0]!.trim().toLowerCase();
	return FEED_TYPES.get(type);
}

/**
 * The feeds a web page names, in page order, as absolute http(s) URLs resolved against the
 * page's `<base href>` or else `pageUrl`. Only the head is read (parsing stops at `<body>`).
 */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
	const links: FeedLink[] = [];
	const seen = new Set<string>();
	let base = pageUrl;
	let baseSet = false;
	const parser = new (htmlparser2().Parser)(
		{
			onopentag(name, attributes) {
				if (name === 'body' || links.length >= MAX_LINKS) {
					parser.pause();
					return;
				}
				if (name === 'base' && !baseSet && attributes.href !== undefined) {
					base = resolveHttp(attributes.href, pageUrl) ?? base;
					baseSet = true;
					return;
				}
				if (name !== 'link' || attributes.href === undefined) return;
				const format = feedFormat(attributes);
				const url = format === undefined ? undefined : resolveHttp(attributes.href, base);
				if (format === undefined || url === undefined || seen.has(url)) return;
				seen.add(url);
				const title = sanitizeLine(attributes.title ?? '');
				links.push(title ? {url, format, title} : {url, format});
			},
		},
		{decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true},
	);
	parser.write(html);
	parser.end();
	return links;
}

/**
 * The error for a URL that gave a web page: which feed to add instead, when the page names one.
 * Printed after the source's name (`https://example.com/: is a web page, …`).
 */
export function webPageMessage(links: readonly FeedLink[]): string {
	const [first] = links;
	if (first === undefined) return 'is a web page, not a feed, and it names no feed';
	const more = links.length > 1 ? `; it names ${links.length - 1} more` : '';
	return `is a web page, not a feed; its feed is ${first.url} (flashnews add ${first.url})${more}`;
}
