import {FeedError} from '../feed-error.js';
import {AMPERSAND_PATTERN, repairAmpersands, repairReference} from './entities.js';
import {MAX_ELEMENT_DEPTH} from '../limits.js';

// A single linear scan that makes real-world feed XML acceptable to rss-parser 3.13 (xml2js on a
// strict sax parser) without changing what it says:
// - removes every <!DOCTYPE …> with its internal subset (no DTD, no entity definitions);
// - escapes a bare `&` (AT&T, ?a=1&b=2), turns HTML named entities (&nbsp; &eacute;) into numeric
//   references and unknown ones into literal text, replaces references to characters XML forbids;
// - escapes a `<` that cannot start markup (`a < b`);
// - enforces MAX_ELEMENT_DEPTH;
// - wraps the inside of Atom xhtml text constructs in CDATA, so their markup arrives as one string
//   in document order instead of an xml2js object tree;
// - renames the elements rss-parser must not see, and the mapping reads back under RENAMED:
//   Atom entry dates (it throws on an unparsable one), Atom links (it throws on one without
//   attributes), and item bodies (it builds a snippet from them with regular expressions that take
//   quadratic time on hostile input);
// - marks Atom <feed> and <entry> with an attribute (see ATOM_MARKER);
// - removes items beyond `maxItems`, so rss-parser never spends time or memory on them.
// Raw control characters are kept: sax accepts them, and normalization strips whole escape
// sequences, which it could not do if only the ESC were removed here.

export const RENAMED = {
	atomPublished: 'flashnews-published',
	atomUpdated: 'flashnews-updated',
	atomLink: 'flashnews-link',
	atomContent: 'flashnews-content',
	rssDescription: 'flashnews-description',
	rssContentEncoded: 'flashnews-content-encoded',
} as const;

// rss-parser reads `entry.link` and `feed.link`; when xml2js makes an element with only text
// (or nothing) a string, that finds String.prototype.link and throws. An attribute keeps
// <feed> and <entry> objects.
const ATOM_MARKER = 'flashnews-element=""';

// Maps, not object literals: element names like __proto__ must not find inherited properties.
const ATOM_ENTRY_RENAMES = new Map<string, string>([
	['published', RENAMED.atomPublished],
	['updated', RENAMED.atomUpdated],
	['link', RENAMED.atomLink],
	['content', RENAMED.atomContent],
]);
const RSS_ITEM_RENAMES = new Map<string, string>([
	['description', RENAMED.rssDescription],
	['content:encoded', RENAMED.rssContentEncoded],
]);

const ATOM_TEXT_CONSTRUCTS = new Set(['title', 'subtitle', 'tagline', 'summary', 'content', 'rights', 'copyright']);
const ATOM_CONTAINERS = new Set(['feed', 'entry', 'source']);
const HTML_VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

// A `<` that can start markup; any other `<` is text and gets escaped.
const MARKUP_START = /<[A-Za-z_:!?/\u0080-\uFFFF]/g;
const TEXT_FIXES = new RegExp(`${AMPERSAND_PATTERN}|<`, 'g');
const CAPTURED_TEXT_FIXES = new RegExp(`${AMPERSAND_PATTERN}|<|\\]\\]>`, 'g');
const TAG_STOP = /[>"']/g;
const DOCTYPE_STOP = /[[>"']/g;
const SUBSET_STOP = /[\]"']|<!--/g;
const NAME = /[^\s/>"'=]+/y;
// Each begins with a fixed whitespace-and-name prefix, so a long run of name characters is never
// re-scanned from every position inside it.
const TYPE_ATTRIBUTE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const MODE_ATTRIBUTE = /\smode\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const DOCTYPE_NAME = /^<!DOCTYPE\s+([^\s[>]+)/i;

export type XmlDialect = 'atom' | 'rss' | 'unknown';

export type RepairedXml = {
	xml: string;
	/** Name of the first element, as written (`rss`, `feed`, `rdf:RDF`, `html`…). */
	rootName?: string;
	/** Name given by the first <!DOCTYPE …>, before it was removed. */
	doctypeName?: string;
	/** Items (RSS) or entries (Atom) in the document, including any dropped. */
	itemCount: number;
	/** Items left out because of `maxItems`. */
	droppedItems: number;
	/** Some other element stands between two items, beside them (a feed element amid the items). */
	interleaved: boolean;
};

export type RepairOptions = {
	/** Items (entries) after this many are removed from the output, unparsed. */
	maxItems?: number;
};

type OpenElement = {name: string; renamed?: string};

function dialectOf(rootName: string): XmlDialect {
	if (rootName === 'feed') return 'atom';
	if (rootName === 'rss' || rootName === 'rdf:RDF') return 'rss';
	return 'unknown';
}

function repairTextMatch(match: string): string {
	if (match === '<') return '&lt;';
	if (match === ']]>') return CDATA_SPLIT;
	return repairReference(match);
}

function attributeValue(tag: string, pattern: RegExp): string | undefined {
	const match = pattern.exec(tag);
	return match ? (match[1] ?? match[2] ?? '').trim().toLowerCase() : undefined;
}

// Atom 1.0 says type="xhtml"; Atom 0.3 says an XML MIME type with mode="xml" (the default).
function isInlineXhtml(tag: string): boolean {
	const type = attributeValue(tag, TYPE_ATTRIBUTE);
	const mode = attributeValue(tag, MODE_ATTRIBUTE) ?? 'xml';
	if (type === 'xhtml') return true;
	return type === 'application/xhtml+xml' && mode === 'xml';
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Inside our CDATA wrapper, `]]>` would end it early: split it across two sections.
const CDATA_SPLIT = ']]]]><![CDATA[>';

function protectCdata(text: string): string {
	return text.includes(']]>') ? text.replaceAll(']]>', CDATA_SPLIT) : text;
}

function newlinesIn(text: string): string {
	let newlines = '';
	for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) newlines += '\n';
	return newlines;
}

class XmlRepairer {
	private readonly pieces: string[] = [];
	private copyFrom = 0;
	private readonly stack: OpenElement[] = [];
	/** Stack length at which the open xhtml capture began, or -1 when not capturing. */
	private captureDepth = -1;
	private dialect: XmlDialect = 'unknown';
	// Where each string next occurs (-1 before the first search), searched again only once passed:
	// the scan stays linear however far apart they are.
	private readonly next = {'&': -1, '<': -1, ']]>': -1};
	/** An item being left out: its stack length once open, and where it starts. */
	private skipping: {depth: number; from: number} | undefined;
	rootName: string | undefined;
	doctypeName: string | undefined;
	itemCount = 0;
	droppedItems = 0;
	interleaved = false;
	/** Stack length where items open (their parent's depth), once the first one has. */
	private itemLevel: number | undefined;
	private otherSinceItem = false;

	constructor(
		private readonly text: string,
		private readonly maxItems: number,
	) {}

	run(): string {
		const {text} = this;
		let index = 0;
		while (index < text.length) {
			MARKUP_START.lastIndex = index;
			const found = MARKUP_START.exec(text);
			const markupAt = found ? found.index : text.length;
			this.repairText(index, markupAt);
			if (!found) break;
			index = this.handleMarkup(markupAt);
			if (index < 0) break;
		}
		if (this.pieces.length === 0) return text;
		this.pieces.push(text.slice(this.copyFrom));
		return this.pieces.join('');
	}

	/** Replaces text[from, resumeAt) with `replacement` in the output (nothing while skipping). */
	private replace(from: number, replacement: string, resumeAt: number): void {
		if (this.skipping) return;
		if (from > this.copyFrom) this.pieces.push(this.text.slice(this.copyFrom, from));
		this.pieces.push(replacement);
		this.copyFrom = resumeAt;
	}

	private nextIndex(search: '&' | '<' | ']]>', from: number): number {
		let position = this.next[search];
		if (position < from) {
			const found = this.text.indexOf(search, from);
			position = found === -1 ? Number.POSITIVE_INFINITY : found;
			this.next[search] = position;
		}
		return position;
	}

	private contains(search: '&' | '<' | ']]>', from: number, to: number): boolean {
		return this.nextIndex(search, from) < to;
	}

	/** Text between markup: `&` and stray `<` repaired, `]]>` split while capturing. */
	private repairText(from: number, to: number): void {
		if (to <= from || this.skipping) return;
		const capturing = this.capturing;
		if (!this.contains('&', from, to) && !this.contains('<', from, to) && !(capturing && this.contains(']]>', from, to))) return;
		const segment = this.text.slice(from, to);
		const repaired = segment.replace(capturing ? CAPTURED_TEXT_FIXES : TEXT_FIXES, repairTextMatch);
		if (repaired !== segment) this.replace(from, repaired, to);
	}

	/** Handles the markup starting at `index`; returns where to continue, or -1 to copy the rest as it is. */
	private handleMarkup(index: number): number {
		const next = this.text.charCodeAt(index + 1);
		if (next === 0x21) return this.handleDeclaration(index);
		if (next === 0x3f) return this.handleProcessingInstruction(index);
		if (next === 0x2f) return this.handleCloseTag(index);
		return this.handleStartTag(index);
	}

	private get capturing(): boolean {
		return this.captureDepth >= 0;
	}

	private handleDeclaration(index: number): number {
		const {text} = this;
		if (text.startsWith('<!--', index)) {
			const end = text.indexOf('-->', index + 4);
			if (end < 0) return -1;
			if (this.capturing) this.replace(index, '', end + 3);
			return end + 3;
		}
		if (text.startsWith('<![CDATA[', index)) {
			const end = text.indexOf(']]>', index + 9);
			if (end < 0) return -1;
			if (this.capturing) this.replace(index, escapeHtml(text.slice(index + 9, end)), end + 3);
			return end + 3;
		}
		if (text.slice(index, index + 9).toUpperCase() === '<!DOCTYPE') {
			const end = this.doctypeEnd(index + 9);
			this.doctypeName ??= DOCTYPE_NAME.exec(text.slice(index, index + 200))?.[1] ?? '';
			this.replace(index, newlinesIn(text.slice(index, end)), end);
			return end;
		}
		// Any other markup declaration (<!ENTITY …> outside a DTD and the like) has no place in a feed.
		const end = text.indexOf('>', index + 2);
		if (end < 0) return -1;
		this.replace(index, '', end + 1);
		return end + 1;
	}

	/** Index just past the `>` ending a DOCTYPE whose body starts at `from` (text length if none). */
	private doctypeEnd(from: number): number {
		const {text} = this;
		let index = from;
		for (;;) {
			DOCTYPE_STOP.lastIndex = index;
			const stop = DOCTYPE_STOP.exec(text);
			if (!stop) return text.length;
			const character = stop[0];
			if (character === '>') return stop.index + 1;
			if (character === '[') {
				index = this.internalSubsetEnd(stop.index + 1);
				continue;
			}
			const close = text.indexOf(character, stop.index + 1);
			if (close < 0) return text.length;
			index = close + 1;
		}
	}

	/** Index just past the `]` ending an internal subset starting at `from` (text length if none). */
	private internalSubsetEnd(from: number): number {
		const {text} = this;
		let index = from;
		for (;;) {
			SUBSET_STOP.lastIndex = index;
			const stop = SUBSET_STOP.exec(text);
			if (!stop) return text.length;
			if (stop[0] === ']') return stop.index + 1;
			const terminator = stop[0] === '<!--' ? '-->' : stop[0];
			const close = text.indexOf(terminator, stop.index + stop[0].length);
			if (close < 0) return text.length;
			index = close + terminator.length;
		}
	}

	private handleProcessingInstruction(index: number): number {
		const end = this.text.indexOf('?>', index + 2);
		if (end < 0) return -1;
		if (this.capturing) this.replace(index, '', end + 2);
		return end + 2;
	}

	/** Index of the `>` ending the tag whose inside starts at `from`, skipping quoted values; -1 if none. */
	private tagEnd(from: number): number {
		const {text} = this;
		let index = from;
		for (;;) {
			TAG_STOP.lastIndex = index;
			const stop = TAG_STOP.exec(text);
			if (!stop) return -1;
			if (stop[0] === '>') return stop.index;
			const close = text.indexOf(stop[0], stop.index + 1);
			if (close < 0) return -1;
			index = close + 1;
		}
	}

	private nameAt(index: number): string {
		NAME.lastIndex = index;
		return NAME.exec(this.text)?.[0] ?? '';
	}

	private renameFor(name: string): string | undefined {
		if (this.capturing) return undefined;
		const parent = this.stack.at(-1)?.name;
		if (this.dialect === 'atom') {
			if (parent === 'entry') return ATOM_ENTRY_RENAMES.get(name);
			if (parent === 'feed' && name === 'link') return RENAMED.atomLink;
		} else if (this.dialect === 'rss' && parent === 'item') {
			return RSS_ITEM_RENAMES.get(name);
		}
		return undefined;
	}

	private isItem(name: string): boolean {
		const parent = this.stack.at(-1)?.name;
		if (this.capturing || parent === undefined) return false;
		if (this.dialect === 'atom') return name === 'entry' && parent === 'feed';
		if (this.dialect !== 'rss') return false;
		return name === 'item' && (parent === 'channel' || (parent === 'rdf:RDF' && this.stack.length === 1));
	}

	/** Counts an item; true when it is one too many and must be left out. */
	private dropsItem(): boolean {
		this.itemCount++;
		if (this.itemCount <= this.maxItems) return false;
		this.droppedItems++;
		return true;
	}

	private startsCapture(name: string, tag: string): boolean {
		if (this.capturing || this.skipping || this.dialect !== 'atom') return false;
		const parent = this.stack.at(-1)?.name;
		return parent !== undefined && ATOM_CONTAINERS.has(parent) && ATOM_TEXT_CONSTRUCTS.has(name) && isInlineXhtml(tag);
	}

	private noteSibling(isItem: boolean): void {
		if (isItem) {
			this.itemLevel ??= this.stack.length;
			if (this.otherSinceItem) this.interleaved = true;
		} else if (this.stack.length === this.itemLevel && !this.capturing && !this.skipping) {
			this.otherSinceItem = true;
		}
	}

	private handleStartTag(index: number): number {
		const {text} = this;
		const end = this.tagEnd(index + 1);
		if (end < 0) return -1;
		const name = this.nameAt(index + 1);
		const tag = text.slice(index, end + 1);
		const selfClosing = text.charCodeAt(end - 1) === 0x2f;
		const isRoot = this.rootName === undefined;
		if (isRoot) {
			this.rootName = name;
			this.dialect = dialectOf(name);
		}
		const isItem = !this.skipping && this.isItem(name);
		this.noteSibling(isItem);
		if (isItem && this.dropsItem()) {
			if (selfClosing) {
				this.replace(index, '', end + 1);
				return end + 1;
			}
			this.replace(index, '', index);
			this.skipping = {depth: this.stack.length + 1, from: index};
		}
		let output = this.contains('&', index, end) ? repairAmpersands(tag) : tag;
		const renamed = this.renameFor(name);
		if (renamed) output = `<${renamed}${output.slice(1 + name.length)}`;
		if (this.dialect === 'atom' && (isRoot || isItem)) output = `<${name} ${ATOM_MARKER}${output.slice(1 + name.length)}`;
		if (this.capturing) output = protectCdata(output);
		const capture = !selfClosing && this.startsCapture(name, tag);
		const isVoid = this.capturing && HTML_VOID_ELEMENTS.has(name.toLowerCase());
		if (!selfClosing && !isVoid) {
			this.stack.push(renamed ? {name, renamed} : {name});
			if (this.stack.length > MAX_ELEMENT_DEPTH) {
				throw new FeedError(`XML is nested too deeply (more than ${MAX_ELEMENT_DEPTH} levels)`);
			}
		}
		if (capture) {
			output += '<![CDATA[';
			this.captureDepth = this.stack.length;
		}
		if (output !== tag) this.replace(index, output, end + 1);
		return end + 1;
	}

	private handleCloseTag(index: number): number {
		const {text, stack} = this;
		const end = text.indexOf('>', index + 2);
		if (end < 0) return -1;
		const name = this.nameAt(index + 2);
		// The nearest open element of that name closes, with everything opened inside it: that is
		// what a well-formed document does anyway, and it keeps sloppy xhtml (<p> never closed)
		// from ending the capture early or late.
		const floor = this.capturing ? this.captureDepth - 1 : 0;
		let position = stack.length - 1;
		while (position >= floor && stack[position]!.name !== name) position--;
		if (position < floor) {
			if (this.capturing) this.replace(index, protectCdata(text.slice(index, end + 1)), end + 1);
			return end + 1;
		}
		const closed = stack[position]!;
		if (position === stack.length - 1) stack.pop();
		else stack.length = position;
		if (this.skipping && position < this.skipping.depth) {
			this.skipping = undefined;
			this.copyFrom = end + 1;
			return end + 1;
		}
		let output = closed.renamed ? `</${closed.renamed}${text.slice(index + 2 + name.length, end + 1)}` : text.slice(index, end + 1);
		if (this.capturing) {
			if (position === this.captureDepth - 1) {
				output = `]]>${output}`;
				this.captureDepth = -1;
			} else {
				output = protectCdata(output);
			}
		}
		if (output !== text.slice(index, end + 1)) this.replace(index, output, end + 1);
		return end + 1;
	}
}

/**
 * Repairs `text` for rss-parser as described at the top of this file and reports what the
 * document is; items beyond `maxItems` are removed unparsed. Linear in the length of `text`.
 * Throws FeedError when nesting exceeds MAX_ELEMENT_DEPTH.
 */
export function repairXmlDocument(text: string, options: RepairOptions = {}): RepairedXml {
	const repairer = new XmlRepairer(text, options.maxItems ?? Number.POSITIVE_INFINITY);
	const xml = repairer.run();
	const result: RepairedXml = {xml, itemCount: repairer.itemCount, droppedItems: repairer.droppedItems, interleaved: repairer.interleaved};
	if (repairer.rootName !== undefined) result.rootName = repairer.rootName;
	if (repairer.doctypeName !== undefined) result.doctypeName = repairer.doctypeName;
	return result;
}

/** The repaired XML text only; see repairXmlDocument. */
export function repairXml(text: string): string {
	return repairXmlDocument(text).xml;
}
