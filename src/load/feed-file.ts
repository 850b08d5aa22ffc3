// A regular feed file as parse workers read it (see parse-part.ts): a window at a time to plan its
// cut, then each part's byte ranges with positioned reads, so that no thread ever holds the whole
// file. Whoever reads it checks afterwards that it is still the file it was (same inode, size and
// times of the last change): one changed meanwhile is an error, never a mix of two versions.
import fs from 'node:fs';
import {FeedError} from '../core/feed-error.js';
import type {ByteReader} from '../core/xml/byte-reader.js';
import type {PartRanges} from '../core/xml/split-xml-feed.js';
import type {FileIdentity} from './part-board.js';

/** Reads go in pieces: quitting waits for a read under way, which on a slow disk could take a while. */
const READ_PIECE_BYTES = 8 * 1024 * 1024;
/** The window in which the cut is planned. */
export const PLAN_PIECE_BYTES = 1024 * 1024;

export const REPLACED = 'the file was replaced while it was loading';
export const CHANGED = 'the file changed while it was loading';

export type OpenFile = {fd: number; identity: FileIdentity; size: number};

function identityOf(stats: fs.BigIntStats): FileIdentity {
	return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs];
}

/** What the file open as `fd` is now. */
export function currentIdentity(fd: number): FileIdentity {
	return identityOf(fs.fstatSync(fd, {bigint: true}));
}

/** Opens the file to read (never waiting, should it have become a pipe); it must be a regular file. */
export function openFeedFile(path: string): OpenFile {
	const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
	try {
		const stats = fs.fstatSync(fd, {bigint: true});
		if (!stats.isFile()) throw new FeedError(REPLACED);
		return {fd, identity: identityOf(stats), size: Number(stats.size)};
	} catch (error) {
		fs.closeSync(fd);
		throw error;
	}
}

/** Throws CHANGED unless the file open as `fd` is still `identity`. */
export function checkUnchanged(fd: number, identity: FileIdentity): void {
	const now = currentIdentity(fd);
	if (now.some((value, index) => value !== identity[index])) throw new FeedError(CHANGED);
}

/** Fills `into` from `position` on; fewer bytes only where the file ends. */
function readAt(fd: number, into: Uint8Array, position: number): number {
	let filled = 0;
	while (filled < into.length) {
		const read = fs.readSync(fd, into, filled, Math.min(into.length - filled, READ_PIECE_BYTES), position + filled);
		if (read === 0) break;
		filled += read;
	}
	return filled;
}

/** The first `length` bytes of the file as a ByteReader, every read into the same buffer. */
export function fileReader(fd: number, length: number, pieceBytes = PLAN_PIECE_BYTES): ByteReader {
	let scratch = Buffer.allocUnsafeSlow(0);
	return {
		length,
		pieceBytes,
		read(start, end) {
			const wanted = Math.max(0, Math.min(end, length) - start);
			if (scratch.length < wanted) scratch = Buffer.allocUnsafeSlow(Math.max(wanted, pieceBytes + 64));
			return scratch.subarray(0, readAt(fd, scratch.subarray(0, wanted), start));
		},
	};
}

/** The bytes of `ranges` one after another (a part's document), read from the file. */
export function readRanges(fd: number, ranges: PartRanges): Buffer {
	const into = Buffer.allocUnsafeSlow(ranges.reduce((total, [start, end]) => total + end - start, 0));
	let filled = 0;
	for (const [start, end] of ranges) {
		const read = readAt(fd, into.subarray(filled, filled + end - start), start);
		// The file is shorter than when it was planned: it has changed.
		if (read < end - start) throw new FeedError(CHANGED);
		filled += read;
	}
	return into;
}

/**
 * The whole file, up to `size` bytes (what it held when it was measured, should it have grown
 * since; less, should it have shrunk), as one reading of one version of it.
 */
export function readWholeFile(path: string, size: number): Buffer {
	const file = openFeedFile(path);
	try {
		const into = Buffer.allocUnsafeSlow(Math.min(size, file.size));
		const read = readAt(file.fd, into, 0);
		checkUnchanged(file.fd, file.identity);
		return into.subarray(0, read);
	} finally {
		fs.closeSync(file.fd);
	}
}
