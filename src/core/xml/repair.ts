import {FeedError} from '../feed-error.js';
import {MAX_ELEMENT_DEPTH} from '../limits.js';
import {CharacterData} from './character-data.js';
import {dialectOfRoot, type XmlDialect} from './dialect.js';
import {NamespaceScope} from './element-names.js';
import {hasText, ItemTally} from './item-tally.js';
import {doctypeEnd, nameAt, newlinesIn, tagEnd} from './markup-ends.js';
import {type OpenElement, writeEndTag, writeStartTag} from './open-element.js';
import {capturedStartTag, escapeHtml, protectCdata, startsCapture} from './xhtml-capture.js';

// A single linear scan that makes real-world feed XML acceptable to rss-parser 3.13 (xml2js on a
// strict sax parser) without changing what it says:
// - removes the <!DOCTYPE …> of the prolog with its internal subset (no DTD, no entity
//   definitions); inside the document `<!` that starts no comment or CDATA section is text;
// - escapes a bare `&` (AT&T, ?a=1&b=2), turns HTML named entities (&nbsp; &eacute;) into numeric
//   references and unknown ones into literal text, replaces references to characters XML forbids;
// - escapes a `<` that cannot start markup (`a < b`);
// - enforces MAX_ELEMENT_DEPTH;
// - names every element by its namespace, whatever the prefix (element-names.ts);
// - gives every RSS-family document the one shape <rss><channel>…</channel></rss> (feed-structure.ts);
// - wraps the inside of inline xhtml in CDATA (xhtml-capture.ts);
// - renames the elements rss-parser must not see (rss-parser-names.ts);
// - removes items beyond `maxItems`, so rss-parser never spends time or memory on them.
// Raw control characters are kept: sax accepts them, and normalization strips whole escape
// sequences, which it could not do if only the ESC were removed here.

// A `<` that can start markup; any other `<` is text and gets escaped.
const MARKUP_START = /<[A-Za-z_:!?/\u0080-\uFFFF]/g;
const DOCTYPE_NAME = /^<!DOCTYPE\s+([^\s[>]+)/i;

export type {XmlDialect} from './dialect.js';

import type {RepairedXml, RepairOptions} from './repair-types.js';

export type {RepairedXml, RepairOptions} from './repair-types.js';

class XmlRepairer {
	private readonly pieces: string[] = [];
	private copyFrom = 0;
	private readonly stack: OpenElement[] = [];
	private readonly documentScope = NamespaceScope.document();
	/** Stack length at which the open xhtml capture began, or -1 when not capturing. */
	private captureDepth = -1;
	dialect: XmlDialect = 'unknown';
	/** An item being left out: its stack length once open. */
	private skipping: {depth: number} | undefined;
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
		if (this.items.watching && hasText(this.text, from, to)) this.items.content();
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
			if (this.items.watching && hasText(text, index + 9, end)) this.items.content();
			if (this.capturing) this.replace(index, escapeHtml(text.slice(index + 9, end)), end + 3);
			return end + 3;
		}
		// Inside an element, `<!DOCTYPE` and the like are text that happens to look like markup.
		if (this.stack.length > 0) {
			this.replace(index, '&lt;', index + 1);
			return index + 1;
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

	private isItem(canonical: string, parent: OpenElement | undefined): boolean {
		if (this.dialect === 'atom') return canonical === 'entry' && this.stack.length === 1;
		return canonical === 'item' && parent?.feedLevel === true;
	}

	private push(element: OpenElement): void {
		this.stack.push(element);
		if (this.stack.length > MAX_ELEMENT_DEPTH) {
			throw new FeedError(`XML is nested too deeply (more than ${MAX_ELEMENT_DEPTH} levels)`);
		}
	}

	private handleStartTag(index: number): number {
		const {text} = this;
		const end = tagEnd(text, index + 1);
		if (end < 0) return -1;
		const name = nameAt(text, index + 1);
		const tag = text.slice(index, end + 1);
		const selfClosing = text.charCodeAt(end - 1) === 0x2f;
		const parent = this.stack.at(-1);
		let scope = (parent?.scope ?? this.documentScope).inside(tag);
		const canonical = scope.canonical(name);
		if (this.capturing) return this.handleCapturedStartTag(index, end, tag, canonical, selfClosing, scope);
		const isRoot = this.rootName === undefined;
		if (isRoot) {
			this.rootName = name;
			this.dialect = dialectOfRoot(canonical);
			scope = scope.forDialect(this.dialect);
		}
		const isItem = !this.skipping && this.isItem(canonical, parent);
		if (!isItem && !this.skipping) this.items.other(this.stack.length);
		if (this.items.watching && tag.includes('=')) this.items.content();
		if (isItem && this.items.item(this.stack.length, tag.includes('=', name.length + 1), selfClosing)) {
			if (selfClosing) {
				this.replace(index, '', end + 1);
				return end + 1;
			}
			this.replace(index, '', index);
			this.skipping = {depth: this.stack.length + 1};
		}
		const repaired = scope.canonicalAttributes(this.characters.repairedTag(tag, index, end));
		const element: OpenElement = {name, canonical, scope};
		let output = writeStartTag(element, repaired, {dialect: this.dialect, isRoot, isItem, parent, selfClosing});
		const capture = !selfClosing && !this.skipping && startsCapture(this.dialect, parent?.canonical, canonical, tag);
		if (!selfClosing) this.push(element);
		if (capture) {
			output += '<![CDATA[';
			this.captureDepth = this.stack.length;
		}
		if (output !== tag) this.replace(index, output, end + 1);
		return end + 1;
	}

	/** A start tag inside inline xhtml: copied as HTML. */
	private handleCapturedStartTag(
		index: number,
		end: number,
		tag: string,
		canonical: string,
		selfClosing: boolean,
		scope: NamespaceScope,
	): number {
		const name = nameAt(this.text, index + 1);
		const {output, local, opens} = capturedStartTag(this.characters.repairedTag(tag, index, end), name, canonical, selfClosing);
		if (this.items.watching && tag.includes('=')) this.items.content();
		if (opens) this.push(local === name ? {name, canonical, scope} : {name, canonical, scope, output: local});
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
		// Outside a capture, closing an element with others still open inside it is malformed: the
		// tag stays as written, so the parser reports it where it is.
		const mismatched = position !== stack.length - 1 && !this.capturing;
		if (position === stack.length - 1) stack.pop();
		else stack.length = position;
		this.items.closedTo(position);
		if (this.skipping && position < this.skipping.depth) {
			this.skipping = undefined;
			this.copyFrom = end + 1;
			return end + 1;
		}
		const written = text.slice(index, end + 1);
		let output = mismatched ? written : writeEndTag(closed, written, name);
		if (this.capturing) {
			if (position === this.captureDepth - 1) {
				output = `]]>${output}`;
				this.captureDepth = -1;
			} else {
				output = protectCdata(output);
			}
		}
		if (output !== written) this.replace(index, output, end + 1);
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
	const result: RepairedXml = {
		xml,
		dialect: repairer.dialect,
		itemCount: items.count,
		droppedItems: items.dropped,
		emptyItems: items.empty,
		interleaved: items.interleaved,
	};
	if (repairer.rootName !== undefined) result.rootName = repairer.rootName;
	if (repairer.doctypeName !== undefined) result.doctypeName = repairer.doctypeName;
	return result;
}

/** The repaired XML text only; see repairXmlDocument. */
export function repairXml(text: string): string {
	return repairXmlDocument(text).xml;
}
