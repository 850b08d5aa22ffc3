import {FeedError} from '../feed-error.js';
import {CharacterData} from './character-data.js';
import {MAX_ELEMENT_DEPTH} from '../limits.js';
import {ItemTally} from './item-tally.js';
import {doctypeEnd, nameAt, tagEnd} from './markup-ends.js';
import {ATOM_MARKER, renameForRssParser} from './rss-parser-names.js';
import {ATOM_CONTAINERS, ATOM_TEXT_CONSTRUCTS, HTML_VOID_ELEMENTS, escapeHtml, isInlineXhtml, protectCdata} from './xhtml-capture.js';

// A single linear scan that makes real-world feed XML acceptable to rss-parser 3.13 (xml2js on a
// strict sax parser) without changing what it says:
// - removes every <!DOCTYPE …> with its internal subset (no DTD, no entity definitions);
// - escapes a bare `&` (AT&T, ?a=1&b=2), turns HTML named entities (&nbsp; &eacute;) into numeric
//   references and unknown ones into literal text, replaces references to characters XML forbids;
// - escapes a `<` that cannot start markup (`a < b`);
// - enforces MAX_ELEMENT_DEPTH;
// - wraps the inside of Atom xhtml text constructs in CDATA (xhtml-capture.ts);
// - renames the elements rss-parser must not see (rss-parser-names.ts);
// - removes items beyond `maxItems`, so rss-parser never spends time or memory on them.
// Raw control characters are kept: sax accepts them, and normalization strips whole escape
// sequences, which it could not do if only the ESC were removed here.

// A `<` that can start markup; any other `<` is text and gets escaped.
const MARKUP_START = /<[A-Za-z_:!?/\u0080-\uFFFF]/g;
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
	/** An item being left out: its stack length once open, and where it starts. */
	private skipping: {depth: number; from: number} | undefined;
	rootName: string | undefined;
	doctypeName: string | undefined;
	readonly items: ItemTally;
	private readonly characters: CharacterData;

	constructor(
		private readonly text: string,
		maxItems: number,
	) {
		this.items = new ItemTally(maxItems);
		this.characters = new CharacterData(text);
	}

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

	/** Text between markup: `&` and stray `<` repaired, `]]>` split while capturing. */
	private repairText(from: number, to: number): void {
		if (to <= from || this.skipping) return;
		const repaired = this.characters.repairedText(from, to, this.capturing);
		if (repaired !== undefined) this.replace(from, repaired, to);
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
			const end = doctypeEnd(text, index + 9);
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

	private handleProcessingInstruction(index: number): number {
		const end = this.text.indexOf('?>', index + 2);
		if (end < 0) return -1;
		if (this.capturing) this.replace(index, '', end + 2);
		return end + 2;
	}

	private isItem(name: string): boolean {
		const parent = this.stack.at(-1)?.name;
		if (this.capturing || parent === undefined) return false;
		if (this.dialect === 'atom') return name === 'entry' && parent === 'feed';
		if (this.dialect !== 'rss') return false;
		return name === 'item' && (parent === 'channel' || (parent === 'rdf:RDF' && this.stack.length === 1));
	}

	private startsCapture(name: string, tag: string): boolean {
		if (this.capturing || this.skipping || this.dialect !== 'atom') return false;
		const parent = this.stack.at(-1)?.name;
		return parent !== undefined && ATOM_CONTAINERS.has(parent) && ATOM_TEXT_CONSTRUCTS.has(name) && isInlineXhtml(tag);
	}

	private handleStartTag(index: number): number {
		const {text} = this;
		const end = tagEnd(text, index + 1);
		if (end < 0) return -1;
		const name = nameAt(text, index + 1);
		const tag = text.slice(index, end + 1);
		const selfClosing = text.charCodeAt(end - 1) === 0x2f;
		const isRoot = this.rootName === undefined;
		if (isRoot) {
			this.rootName = name;
			this.dialect = dialectOf(name);
		}
		const isItem = !this.skipping && this.isItem(name);
		if (!isItem && !this.capturing && !this.skipping) this.items.other(this.stack.length);
		if (isItem && this.items.item(this.stack.length)) {
			if (selfClosing) {
				this.replace(index, '', end + 1);
				return end + 1;
			}
			this.replace(index, '', index);
			this.skipping = {depth: this.stack.length + 1, from: index};
		}
		let output = this.characters.repairedTag(tag, index, end);
		const renamed = this.capturing ? undefined : renameForRssParser(this.dialect, this.stack.at(-1)?.name, name);
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
		const name = nameAt(text, index + 2);
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
	const {items} = repairer;
	const result: RepairedXml = {xml, itemCount: items.count, droppedItems: items.dropped, interleaved: items.interleaved};
	if (repairer.rootName !== undefined) result.rootName = repairer.rootName;
	if (repairer.doctypeName !== undefined) result.doctypeName = repairer.doctypeName;
	return result;
}

/** The repaired XML text only; see repairXmlDocument. */
export function repairXml(text: string): string {
	return repairXmlDocument(text).xml;
}
