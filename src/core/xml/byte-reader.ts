// Searches over a document that need not be in memory at once: a ByteReader hands out any range of
// its bytes (from memory, or read from a file by the caller), and each search here looks at one
// window of them after another, so only a window's worth is ever held.

/**
 * The bytes of a document of `length` bytes: `read(start, end)` gives [start, end) (fewer only
 * where the document ends). What it gives may be overwritten by the next read, so a search keeps
 * no window past the next. `pieceBytes`: about how much one read should take.
 */
export type ByteReader = {length: number; pieceBytes: number; read(start: number, end: number): Uint8Array};

/** The bytes themselves, in one piece unless `pieceBytes` says otherwise (as tests do). */
export function memoryReader(bytes: Uint8Array, pieceBytes = Math.max(1, bytes.length)): ByteReader {
	return {length: bytes.length, pieceBytes, read: (start, end) => bytes.subarray(start, Math.min(end, bytes.length))};
}

export function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Each window holds what a marker starting before its `limit` needs, the byte after it included:
 * windows overlap by this much, and the next window takes up at `limit`.
 */
export const OVERLAP = 16;
/** A search for something usually near starts with a window of this size, doubling as it goes. */
const FIRST_WINDOW = 4096;

/** A window of the document: `buffer` holds the bytes from `at`; matches starting in [at, limit) are this window's. */
export type Window = {at: number; buffer: Buffer; limit: number; last: boolean};

/**
 * Windows covering [from, until), `first` bytes for the first and doubling up to the reader's
 * piece size. Each reaches OVERLAP bytes past its limit (or to the end of the document).
 */
export function* windows(reader: ByteReader, from: number, until: number, first = reader.pieceBytes): Generator<Window> {
	let piece = Math.max(1, Math.min(first, reader.pieceBytes));
	for (let at = Math.max(0, from); at < until; ) {
		const end = Math.min(reader.length, at + piece + OVERLAP);
		const last = end === reader.length || at + piece >= until;
		const limit = end === reader.length ? until : Math.min(until, at + piece);
		yield {at, buffer: asBuffer(reader.read(at, end)), limit, last};
		if (last) return;
		at = limit;
		piece = Math.min(piece * 2, reader.pieceBytes);
	}
}

/** The first `pattern` starting in [from, until), or -1. */
export function indexOfIn(reader: ByteReader, pattern: Uint8Array, from: number, until = reader.length): number {
	for (const {at, buffer, limit} of windows(reader, from, until, FIRST_WINDOW)) {
		const found = buffer.indexOf(pattern, from > at ? from - at : 0);
		if (found >= 0 && at + found < limit) return at + found;
	}
	return -1;
}

/** The last `pattern` in the document, or -1. */
export function lastIndexOfIn(reader: ByteReader, pattern: Uint8Array): number {
	let piece = Math.min(FIRST_WINDOW, reader.pieceBytes);
	// Matches starting in [start, before) are this window's; it reaches OVERLAP bytes past `before`.
	for (let before = reader.length; before > 0; ) {
		const start = Math.max(0, before - piece);
		const buffer = asBuffer(reader.read(start, Math.min(reader.length, before + OVERLAP)));
		const found = buffer.lastIndexOf(pattern, before - 1 - start);
		if (found >= 0) return start + found;
		before = start;
		piece = Math.min(piece * 2, reader.pieceBytes);
	}
	return -1;
}

/** The first start tag `open` (followed by one of `nameEnds`) starting in [from, until), or -1. */
export function findStartTagIn(
	reader: ByteReader,
	open: Uint8Array,
	nameEnds: ReadonlySet<number>,
	from: number,
	until = reader.length,
): number {
	return firstStartTagIn(reader, [open], nameEnds, from, until)?.at ?? -1;
}

/** Whichever of the start tags `opens` comes first in [from, until): where, and which. */
export function firstStartTagIn(
	reader: ByteReader,
	opens: readonly Uint8Array[],
	nameEnds: ReadonlySet<number>,
	from: number,
	until = reader.length,
): {at: number; which: number} | undefined {
	for (const window of windows(reader, from, until, FIRST_WINDOW)) {
		let best: {at: number; which: number} | undefined;
		opens.forEach((open, which) => {
			const at = firstStartTagInWindow(window, open, nameEnds, from);
			if (at >= 0 && (best === undefined || at < best.at)) best = {at, which};
		});
		if (best !== undefined) return best;
	}
	return undefined;
}

function firstStartTagInWindow({at, buffer, limit}: Window, open: Uint8Array, nameEnds: ReadonlySet<number>, from: number): number {
	for (
		let found = buffer.indexOf(open, Math.max(0, from - at));
		found >= 0 && at + found < limit;
		found = buffer.indexOf(open, found + 1)
	) {
		if (nameEnds.has(buffer[found + open.length] ?? 0)) return at + found;
	}
	return -1;
}

/** Whether [from, to) holds only XML white space. */
export function isWhiteSpaceIn(reader: ByteReader, from: number, to: number): boolean {
	for (const {at, buffer, limit} of windows(reader, from, to, FIRST_WINDOW)) {
		for (let index = Math.max(from, at); index < limit; index++) {
			const byte = buffer[index - at];
			if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
		}
	}
	return true;
}
