import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {type ByteReader, memoryReader, OVERLAP} from '../../../src/core/xml/byte-reader.js';
import {planXmlFeedParts, planXmlFeedPartsFrom} from '../../../src/core/xml/split-xml-feed.js';
import {referencePlan} from './helpers/reference-plan.js';

const encode = (text: string) => new TextEncoder().encode(text);

function concat(pieces: readonly Uint8Array[]): Uint8Array {
	return Buffer.concat(pieces);
}

/**
 * Reads into one buffer that every read overwrites, as a file reader may: a search that kept a
 * window past the next read would see other bytes.
 */
function scratchReader(bytes: Uint8Array, pieceBytes: number): ByteReader & {reads: number; largest: number} {
	let scratch = new Uint8Array(pieceBytes + OVERLAP);
	const reader = {
		length: bytes.length,
		pieceBytes,
		reads: 0,
		largest: 0,
		read(start: number, end: number) {
			const wanted = bytes.subarray(start, Math.min(end, bytes.length));
			if (wanted.length > scratch.length) scratch = new Uint8Array(wanted.length);
			scratch.fill(0x3c);
			scratch.set(wanted);
			reader.reads++;
			reader.largest = Math.max(reader.largest, wanted.length);
			return scratch.subarray(0, wanted.length);
		},
	};
	return reader;
}

// Text that a cut must respect or that the UTF-8 check must catch, and bytes around window edges.
const fragment = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.constantFrom(
			'plain words',
			'<![CDATA[ </item><item> ]]>',
			'<!-- </entry> -->',
			'<? pi ?>',
			'Kulturë — “quoted”',
			'北京 😀',
		),
	},
	{weight: 1, arbitrary: fc.constantFrom('<![CDATA[ open', ']]>', '<!-- open', '-->', '<?', '?>', '<itemize>', '</item >', '<!DOCTYPE x>')},
	{weight: 2, arbitrary: fc.string({maxLength: 12}).map(value => value.replace(/[<&]/g, ' '))},
);
const rawBytes = fc.constantFrom<number[]>([0xff], [0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3, 0xa9], [0xed, 0xa0, 0x80]);

const document = fc.record({
	atom: fc.boolean(),
	declaration: fc.constantFrom(
		'',
		'<?xml version="1.0"?>',
		'<?xml version="1.0" encoding="utf-8"?>',
		'<?xml encoding="iso-8859-1"?>',
		'<?xml encoding="shift_jis"?>',
	),
	bom: fc.constantFrom<number[]>([], [], [], [0xef, 0xbb, 0xbf], [0xff, 0xfe]),
	head: fc.array(fragment, {maxLength: 2}),
	items: fc.array(fc.array(fc.oneof({weight: 20, arbitrary: fragment}, {weight: 1, arbitrary: rawBytes}), {maxLength: 4}), {
		minLength: 1,
		maxLength: 12,
	}),
	between: fc.constantFrom('\n', '\n', ' \r\n\t', '', 'x'),
	tail: fc.array(fragment, {maxLength: 2}),
	parts: fc.integer({min: 1, max: 5}),
	pieceBytes: fc.integer({min: 1, max: 48}),
});

type Generated = typeof document extends fc.Arbitrary<infer T> ? T : never;

function build({atom, declaration, bom, head, items, between, tail}: Generated): Uint8Array {
	const [open, close, root, rootEnd] = atom
		? ['<entry>', '</entry>', '<feed>', '</feed>']
		: ['<item>', '</item>', '<rss><channel>', '</channel></rss>'];
	const text = (value: string | number[]) => (typeof value === 'string' ? encode(value) : Uint8Array.from(value));
	const pieces = [Uint8Array.from(bom), encode(`${declaration}${root}<title>T</title>`), ...head.map(text)];
	items.forEach((content, index) => {
		if (index > 0) pieces.push(encode(between));
		pieces.push(encode(`${open}<title>${index}</title>`), ...content.map(text), encode(close));
	});
	pieces.push(...tail.map(text), encode(rootEnd));
	return concat(pieces);
}

describe('planning the cut a window at a time', () => {
	it('plans exactly what a search of the whole document in memory plans, for any window size', () => {
		let planned = 0;
		fc.assert(
			fc.property(document, generated => {
				const bytes = build(generated);
				const expected = referencePlan(bytes, generated.parts);
				if (expected !== undefined) planned++;
				expect(planXmlFeedParts(bytes, generated.parts)).toEqual(expected);
				expect(planXmlFeedPartsFrom(memoryReader(bytes, generated.pieceBytes), generated.parts)).toEqual(expected);
				expect(planXmlFeedPartsFrom(scratchReader(bytes, generated.pieceBytes), generated.parts)).toEqual(expected);
			}),
			{numRuns: 2000, seed: 20_250_707},
		);
		// Enough documents were cut for the comparison to mean something.
		expect(planned).toBeGreaterThan(150);
	});

	it('cuts a large feed reading it in windows of the piece size, never all at once', () => {
		const items = Array.from(
			{length: 4000},
			(_, index) => `<item><title>Story ${index} — “é”</title><description><![CDATA[<p>Body ${index}</p>]]></description></item>`,
		);
		const bytes = encode(`<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>Big</title>\n${items.join('\n')}\n</channel></rss>`);
		const reader = scratchReader(bytes, 16 * 1024);
		const plan = planXmlFeedPartsFrom(reader, 8);
		expect(plan).toEqual(referencePlan(bytes, 8));
		expect(plan).toHaveLength(8);
		expect(reader.largest).toBeLessThanOrEqual(16 * 1024 + OVERLAP);
		// One pass over the document, and a little more around the cuts and at either end.
		expect(reader.reads).toBeLessThan((bytes.length / (16 * 1024)) * 2 + 40);
	});
});
