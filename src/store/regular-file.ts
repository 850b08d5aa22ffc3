import fs from 'node:fs';
import v8 from 'node:v8';

// Anything may sit where the state belongs: a FIFO (opening it to read waits for a writer, forever),
// a link to /dev/zero (a read that never ends), a device, a file of gigabytes. The store uses only
// regular files there: opened without following a link and without blocking, checked with fstat,
// and read only when within a size bound. This is the store's own copy of what
// src/load/files/safe-files.ts does for the caches, as the store may not import src/load.

const {O_RDONLY, O_WRONLY, O_APPEND, O_CREAT, O_NOFOLLOW, O_NONBLOCK} = fs.constants;

const MIB = 1024 * 1024;

/**
 * The largest state file or journal read. Each is read whole and parsed at once, which takes about
 * two and a half times its size in heap (more for text beyond Latin-1), and running out of heap
 * aborts Node: so at most a quarter of the heap, and never more than 500 MiB, just below the longest
 * string V8 can hold. With Node's default heap on a machine of 16 GB or more that is 500 MiB: 50,000
 * read marks take about 4 MB and a bookmark about the size of its article, so this leaves room for
 * thousands of long bookmarks.
 */
export const MAX_STATE_BYTES = Math.min(500 * MIB, Math.floor(v8.getHeapStatistics().heap_size_limit / 4));

/** Something other than a regular file (or one too large) where the store keeps a file. The message names it. */
export class UnusableFileError extends Error {}

const megabytes = (bytes: number): string => `${Math.ceil(bytes / MIB)} MB`;

function openChecked(file: string, flags: number, mode?: number): number {
	let fd: number;
	try {
		fd = fs.openSync(file, flags | O_NOFOLLOW | O_NONBLOCK, mode);
	} catch (error) {
		const {code} = error as NodeJS.ErrnoException;
		if (code === 'ELOOP') throw new UnusableFileError(`${file} is a symbolic link, not a regular file`);
		// Opening a FIFO to write, without blocking, when nothing reads it.
		if (code === 'ENXIO') throw new UnusableFileError(`${file} is not a regular file`);
		throw error;
	}

	if (!fs.fstatSync(fd).isFile()) {
		fs.closeSync(fd);
		throw new UnusableFileError(`${file} is not a regular file`);
	}

	return fd;
}

/**
 * The bytes of `file`, or undefined when there is none. Throws UnusableFileError when it is a link,
 * not a regular file, or larger than `maxBytes`; never blocks, whatever sits at that name.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer | undefined {
	let fd: number;
	try {
		fd = openChecked(file, O_RDONLY);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}

	try {
		const {size} = fs.fstatSync(fd);
		if (size > maxBytes)
			throw new UnusableFileError(`${file} is larger than flashnews reads (${megabytes(size)}; at most ${megabytes(maxBytes)})`);
		const bytes = Buffer.allocUnsafe(size);
		let filled = 0;
		while (filled < size) {
			const read = fs.readSync(fd, bytes, filled, size - filled, filled);
			if (read === 0) break;
			filled += read;
		}

		return bytes.subarray(0, filled);
	} finally {
		fs.closeSync(fd);
	}
}

/** Opens `file` for appending, creating it (mode 0600) if needed; throws UnusableFileError as readRegularFile does. */
export function openRegularFileToAppend(file: string): number {
	return openChecked(file, O_WRONLY | O_APPEND | O_CREAT, 0o600);
}
