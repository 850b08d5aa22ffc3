// One pass over a document (window by window, see byte-reader.ts) that answers what cutting it
// needs from all of it: whether it is valid UTF-8 throughout, and whether a tag where a cut would
// go may be inside a CDATA section, comment or processing instruction.
import {isUtf8} from 'node:buffer';
import {type ByteReader, type Window, windows} from './byte-reader.js';

const encoder = new TextEncoder();

/** The sections in which markup is text: a tag found inside one is no tag. */
const LITERALS = [
	['<![CDATA[', ']]>'],
	['<!--', '-->'],
	['<?', '?>'],
].map(([open, close]) => ({open: encoder.encode(open), close: encoder.encode(close)}));

type Literal = (typeof LITERALS)[number];

/**
 * Where the last opener of a literal before the windows seen so far starts (-1: none), and whether
 * a closer of it has come since.
 */
type Carried = {openAt: number; closed: boolean};

/** Whether a closer starts in [from, before) of the window. */
function closerIn({at, buffer}: Window, {close}: Literal, from: number, before: number): boolean {
	const found = buffer.indexOf(close, Math.max(0, from - at));
	return found >= 0 && at + found < before;
}

/**
 * Whether `tag` may be inside `literal`: the nearest opener before it is not closed before it.
 * (A tag starts with `<`, which no opener has after its first byte and no closer has at all, so
 * neither overlaps it.)
 */
function insideAt(window: Window, literal: Literal, carried: Carried, tag: number): boolean {
	const opened = window.buffer.lastIndexOf(literal.open, tag - window.at);
	if (opened >= 0) return !closerIn(window, literal, window.at + opened + literal.open.length, tag);
	if (carried.openAt < 0 || carried.closed) return false;
	return !closerIn(window, literal, carried.openAt + literal.open.length, tag);
}

/** `carried` once the window up to its limit has been seen. */
function carryOver(window: Window, literal: Literal, carried: Carried): void {
	const opened = window.buffer.lastIndexOf(literal.open, window.limit - window.at - 1);
	if (opened >= 0) {
		carried.openAt = window.at + opened;
		carried.closed = closerIn(window, literal, carried.openAt + literal.open.length, window.limit);
	} else if (carried.openAt >= 0 && !carried.closed) {
		carried.closed = closerIn(window, literal, carried.openAt + literal.open.length, window.limit);
	}
}

const isContinuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;

/**
 * Validates the window's bytes from `from` as UTF-8 up to a character boundary at or just past its
 * limit (to the end, in the last window), and says where the next window must go on from; -1 when
 * they are not valid. Cut where a character starts, valid UTF-8 is valid on either side.
 */
function validateUtf8({at, buffer, limit, last}: Window, from: number): number {
	let to = last ? at + buffer.length : limit;
	if (!last) {
		while (to < limit + 4 && isContinuation(buffer[to - at])) to++;
		// More continuation bytes in a row than any character has.
		if (to === limit + 4) return -1;
	}
	return isUtf8(buffer.subarray(from - at, to - at)) ? to : -1;
}

/**
 * Whether the document is valid UTF-8 throughout and none of `tags` (positions of `<`, ascending)
 * may be inside a CDATA section, comment or processing instruction (where a tag would be text):
 * the nearest opener of one before the tag is not closed before it. Reads the document once.
 */
export function validAndCuttableAt(reader: ByteReader, tags: readonly number[]): boolean {
	const carried: Carried[] = LITERALS.map(() => ({openAt: -1, closed: false}));
	let utf8From = 0;
	let next = 0;
	for (const window of windows(reader, 0, reader.length)) {
		utf8From = validateUtf8(window, utf8From);
		if (utf8From < 0) return false;
		for (; next < tags.length && tags[next]! < window.limit; next++) {
			const tag = tags[next]!;
			if (LITERALS.some((literal, index) => insideAt(window, literal, carried[index]!, tag))) return false;
		}
		for (const [index, literal] of LITERALS.entries()) carryOver(window, literal, carried[index]!);
	}
	return true;
}
