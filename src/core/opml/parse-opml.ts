import sax from 'sax';
import {FeedError} from '../feed-error.js';
import {decodeFeedBytes} from '../text/decode-bytes.js';
import {sanitizeLine} from '../text/sanitize.js';
import {repairXmlDocument} from '../xml/repair.js';
import {SubscriptionCollector, type SubscriptionListResult} from './subscription-entry.js';

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);

// sax reports "Message\nLine: 0\nColumn: 12\nChar: x" with 0-based lines.
function describeSaxError(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const [first = ''] = message.split('\n');
	const line = /\nLine: (\d+)/.exec(message)?.[1];
	const where = line === undefined ? '' : ` (line ${Number(line) + 1})`;
	const reason = sanitizeLine(first).replace(/\.$/, '').slice(0, 160);
	if (/^(Unclosed root tag|Unexpected end)/.test(reason)) return `OPML is malformed: unexpected end of document${where}`;
	return `OPML is malformed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}${where}`;
}

function checkIsOpml(text: string, rootName: string | undefined): void {
	const first = text.search(/[^\s\uFEFF]/);
	if (first < 0) throw new FeedError('not an OPML file: it is empty');
	if (text[first] !== '<') throw new FeedError('not an OPML file: it does not start with an XML tag');
	const root = rootName?.toLowerCase();
	if (root === 'opml') return;
	if (root === undefined) throw new FeedError('not an OPML file: it has no XML element');
	if (root === 'html') throw new FeedError('not an OPML file: it is a web page');
	if (FEED_ROOTS.has(root)) throw new FeedError('not an OPML file: it is a feed (add it with flashnews add)');
	throw new FeedError(`not an OPML file: the root element is <${sanitizeLine(rootName).slice(0, 40)}>, not <opml>`);
}

/** Attribute names are matched case-insensitively: some exporters write `xmlurl` or `XMLURL`. */
function attributesOf(tag: sax.Tag): Map<string, string> {
	const attributes = new Map<string, string>();
	for (const [name, value] of Object.entries(tag.attributes)) {
		const key = name.toLowerCase();
		if (!attributes.has(key)) attributes.set(key, value);
	}
	return attributes;
}

function nonBlank(value: string | undefined): string | undefined {
	const line = sanitizeLine(value ?? '');
	return line === '' ? undefined : line;
}

type OpenElement = {name: string; group?: string};

/**
 * Reads OPML 1.0 or 2.0 (UTF-8 or as its declaration or BOM says): every outline with an
 * `xmlUrl` is a subscription, titled by its `title` (else `text`), in the group path of the
 * outlines around it that have none. Anything that is not well-formed OPML is `{ok: false}` with
 * one line; the caller then changes nothing.
 */
export function parseOpml(input: Uint8Array | string): SubscriptionListResult {
	try {
		const text = typeof input === 'string' ? input : decodeFeedBytes(input);
		const document = repairXmlDocument(text);
		checkIsOpml(text, document.rootName);
		const collector = new SubscriptionCollector();
		const open: OpenElement[] = [];
		const groups: string[] = [];
		let sawBody = false;
		const parser = sax.parser(true, {trim: false, normalize: false});
		parser.onopentag = (tag: sax.Tag | sax.QualifiedTag) => {
			const name = tag.name.toLowerCase();
			const parent = open.at(-1)?.name;
			const element: OpenElement = {name};
			if (name === 'body' && parent === 'opml') sawBody = true;
			if (name === 'outline' && (parent === 'body' || parent === 'outline') && open.some(ancestor => ancestor.name === 'body')) {
				const attributes = attributesOf(tag as sax.Tag);
				const url = nonBlank(attributes.get('xmlurl'));
				if (url === undefined) {
					element.group = nonBlank(attributes.get('text')) ?? nonBlank(attributes.get('title'));
					if (element.group !== undefined) groups.push(element.group);
				} else {
					const title = nonBlank(attributes.get('title')) ?? nonBlank(attributes.get('text'));
					const htmlUrl = nonBlank(attributes.get('htmlurl'));
					collector.add({
						url,
						...(title !== undefined && title !== url ? {title} : {}),
						...(groups.length > 0 ? {group: [...groups]} : {}),
						...(htmlUrl !== undefined ? {htmlUrl} : {}),
					});
				}
			}
			open.push(element);
		};
		// sax only records an error found at the end of input; throwing here reports every error.
		parser.onerror = error => {
			throw error;
		};
		parser.onclosetag = () => {
			if (open.pop()?.group !== undefined) groups.pop();
		};
		try {
			parser.write(document.xml).close();
		} catch (error) {
			throw new FeedError(describeSaxError(error));
		}
		if (!sawBody) throw new FeedError('not an OPML file: <opml> has no <body>');
		return collector.result();
	} catch (error) {
		const message =
			error instanceof FeedError
				? error.message
				: `could not read the OPML file: ${error instanceof Error ? error.message : String(error)}`;
		return {ok: false, error: sanitizeLine(message)};
	}
}
