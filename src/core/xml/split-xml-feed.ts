// Cuts a large RSS, RDF or Atom document into smaller documents that each hold the same channel or
// feed elements and a run of the items, so the parts can be parsed on several cores at once. It
// works on bytes, before decoding, and declines (undefined) whenever the parts might not read as
// the whole does; the caller then parses the whole document as usual.
import {HEAD_BYTES, headAllowsUtf8} from '../text/decode-bytes.js';
import {
	asBuffer,
	type ByteReader,
	findStartTagIn,
	firstStartTagIn,
	indexOfIn,
	isWhiteSpaceIn,
	lastIndexOfIn,
	memoryReader,
} from './byte-reader.js';
import {validAndCuttableAt} from './literal-scan.js';

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text);

type Markers = {open: Uint8Array; close: Uint8Array};
const ITEM: Markers = {open: bytesOf('<item'), close: bytesOf('</item>')};
const ENTRY: Markers = {open: bytesOf('<entry'), close: bytesOf('</entry>')};
// What may follow an element name in its start tag: `>`, `/` or whitespace (so not `<items>`).
const NAME_ENDS = new Set([0x3e, 0x2f, 0x20, 0x09, 0x0a, 0x0d]);
const DOCTYPE = bytesOf('<!DOCTYPE');

/** Whether `bytes` may be XML (its first character is `<`): anything else, such as JSON, is never cut. */
export function mayBeXml(bytes: Uint8Array): boolean {
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	for (let index = start; index < Math.min(bytes.length, start + 4096); index++) {
		const byte = bytes[index];
		if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
		return byte === 0x3c;
	}
	return false;
}

/** Byte ranges, [start, end), of `bytes` that together make one part's document. */
export type PartRanges = [number, number][];

/**
 * Up to `parts` documents, each the text before the first item, a run of whole items, and the text
 * after the last item, as byte ranges of the document; together they hold every item once, in
 * order. Parse each with `{part: true}`: a part then fails when feed elements stand between its
 * items (which the other parts would miss), and mergeFeedParts declines.
 * Undefined when the document cannot be cut into at least two, or not safely: bytes that would not
 * decode as UTF-8, a DOCTYPE, or an item boundary that might be text in a CDATA section, comment or
 * processing instruction. Reads the document once, a window at a time, plus a little around each
 * cut and at either end: no copy of it is made.
 */
export function planXmlFeedParts(bytes: Uint8Array, parts: number): PartRanges[] | undefined {
	return planXmlFeedPartsFrom(memoryReader(bytes), parts);
}

/** planXmlFeedParts of the document `reader` reads. */
export function planXmlFeedPartsFrom(reader: ByteReader, parts: number): PartRanges[] | undefined {
	if (parts < 2) return undefined;
	const first = firstStartTagIn(reader, [ITEM.open, ENTRY.open], NAME_ENDS, 0);
	if (first === undefined) return undefined;
	const {at: start, which} = first;
	const markers = which === 0 ? ITEM : ENTRY;
	if (indexOfIn(reader, DOCTYPE, 0, start - DOCTYPE.length + 1) >= 0) return undefined;
	const lastClose = lastIndexOfIn(reader, markers.close);
	if (lastClose < start) return undefined;
	const end = lastClose + markers.close.length;

	// Cut after the first closing tag past each even share of the items' bytes.
	const cuts = [start];
	const tags = [start];
	for (let part = 1; part < parts; part++) {
		const target = start + Math.floor(((end - start) * part) / parts);
		const close = indexOfIn(reader, markers.close, Math.max(target, cuts.at(-1)!));
		if (close < 0 || close >= lastClose) break;
		tags.push(close);
		const next = findStartTagIn(reader, markers.open, NAME_ENDS, close, lastClose);
		if (next < 0) break;
		// Anything but white space between the two items would end up in one part only.
		const cut = close + markers.close.length;
		if (!isWhiteSpaceIn(reader, cut, next)) return undefined;
		cuts.push(cut);
	}
	cuts.push(end);
	if (cuts.length < 3) return undefined;
	tags.push(lastClose);
	if (!headAllowsUtf8(reader.read(0, HEAD_BYTES)) || !validAndCuttableAt(reader, tags)) return undefined;

	const ranges: PartRanges[] = [];
	for (let index = 0; index + 1 < cuts.length; index++) {
		ranges.push([
			[0, start],
			[cuts[index]!, cuts[index + 1]!],
			[end, reader.length],
		]);
	}
	return ranges;
}

/** One part's document, copied out of `bytes`. */
export function joinRanges(bytes: Uint8Array, ranges: PartRanges): Uint8Array {
	const buffer = asBuffer(bytes);
	return Buffer.concat(ranges.map(([start, end]) => buffer.subarray(start, end)));
}

/** planXmlFeedParts, with each part's document copied out. */
export function splitXmlFeed(bytes: Uint8Array, parts: number): Uint8Array[] | undefined {
	return planXmlFeedParts(bytes, parts)?.map(ranges => joinRanges(bytes, ranges));
}
