// planXmlFeedParts as it was when it searched the whole document in memory at once, kept as the
// reference the windowed planner (src/core/xml/split-xml-feed.ts) must agree with, byte for byte.
import {isUtf8} from 'node:buffer';
import {headAllowsUtf8} from '../../../../src/core/text/decode-bytes.js';

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text);

type Markers = {open: Uint8Array; close: Uint8Array};
const ITEM: Markers = {open: bytesOf('<item'), close: bytesOf('</item>')};
const ENTRY: Markers = {open: bytesOf('<entry'), close: bytesOf('</entry>')};
// What may follow an element name in its start tag: `>`, `/` or whitespace (so not `<items>`).
const NAME_ENDS = new Set([0x3e, 0x2f, 0x20, 0x09, 0x0a, 0x0d]);
const CDATA_OPEN = bytesOf('<![CDATA[');
const CDATA_CLOSE = bytesOf(']]>');
const COMMENT_OPEN = bytesOf('<!--');
const COMMENT_CLOSE = bytesOf('-->');
const INSTRUCTION_OPEN = bytesOf('<?');
const INSTRUCTION_CLOSE = bytesOf('?>');
const DOCTYPE = bytesOf('<!DOCTYPE');

function view(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The first start tag `open` at or after `from` and before `until`, or -1. */
function findStartTag(buffer: Buffer, open: Uint8Array, from: number, until = buffer.length): number {
	for (let at = buffer.indexOf(open, from); at >= 0 && at < until; at = buffer.indexOf(open, at + 1)) {
		if (NAME_ENDS.has(buffer[at + open.length] ?? 0)) return at;
	}
	return -1;
}

const LITERALS = [
	[CDATA_OPEN, CDATA_CLOSE],
	[COMMENT_OPEN, COMMENT_CLOSE],
	[INSTRUCTION_OPEN, INSTRUCTION_CLOSE],
] as const;

/**
 * True when `at` may be inside a CDATA section, comment or processing instruction: the nearest
 * opener of one before it is not closed before it. (Elsewhere XML allows no raw `<`, not even in
 * attribute values, so a closing tag found outside these is markup.)
 */
function insideLiteral(buffer: Buffer, at: number): boolean {
	for (const [open, close] of LITERALS) {
		const opened = buffer.lastIndexOf(open, at);
		if (opened < 0) continue;
		const closed = buffer.indexOf(close, opened + open.length);
		if (closed < 0 || closed + close.length > at) return true;
	}
	return false;
}

function isWhiteSpace(buffer: Buffer, from: number, to: number): boolean {
	for (let at = from; at < to; at++) {
		const byte = buffer[at];
		if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
	}
	return true;
}

/** Byte ranges, [start, end), of `bytes` that together make one part's document. */
export type PartRanges = [number, number][];

/**
 * Up to `parts` documents, each the text before the first item, a run of whole items, and the text
 * after the last item, as byte ranges of `bytes`; together they hold every item once, in order.
 * Parse each with `{part: true}`: a part then fails when feed elements stand between its items
 * (which the other parts would miss), and mergeFeedParts declines.
 * Undefined when the document cannot be cut into at least two, or not safely: bytes that would not
 * decode as UTF-8, a DOCTYPE, or an item boundary that might be text in a CDATA section, comment or
 * processing instruction. Costs a few milliseconds on 50 MB: only searches, no copies.
 */
export function referencePlan(bytes: Uint8Array, parts: number): PartRanges[] | undefined {
	if (parts < 2) return undefined;
	const buffer = view(bytes);
	const firstItem = findStartTag(buffer, ITEM.open, 0);
	const firstEntry = findStartTag(buffer, ENTRY.open, 0, firstItem < 0 ? buffer.length : firstItem);
	const markers = firstEntry >= 0 ? ENTRY : ITEM;
	const start = firstEntry >= 0 ? firstEntry : firstItem;
	if (start < 0 || insideLiteral(buffer, start)) return undefined;
	if (buffer.subarray(0, start).indexOf(DOCTYPE) >= 0) return undefined;
	const lastClose = buffer.lastIndexOf(markers.close);
	if (lastClose < start || insideLiteral(buffer, lastClose)) return undefined;
	const end = lastClose + markers.close.length;
	if (!headAllowsUtf8(buffer) || !isUtf8(buffer)) return undefined;

	// Cut after the first closing tag past each even share of the items' bytes.
	const cuts = [start];
	for (let part = 1; part < parts; part++) {
		const target = start + Math.floor(((end - start) * part) / parts);
		const close = buffer.indexOf(markers.close, Math.max(target, cuts.at(-1)!));
		if (close < 0 || close >= lastClose) break;
		if (insideLiteral(buffer, close)) return undefined;
		const next = findStartTag(buffer, markers.open, close, lastClose);
		if (next < 0) break;
		// Anything but white space between the two items would end up in one part only.
		const cut = close + markers.close.length;
		if (!isWhiteSpace(buffer, cut, next)) return undefined;
		cuts.push(cut);
	}
	cuts.push(end);
	if (cuts.length < 3) return undefined;

	const ranges: PartRanges[] = [];
	for (let index = 0; index + 1 < cuts.length; index++) {
		ranges.push([
			[0, start],
			[cuts[index]!, cuts[index + 1]!],
			[end, buffer.length],
		]);
	}
	return ranges;
}
