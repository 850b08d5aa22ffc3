import fs from 'node:fs';
import type * as Net from 'node:net';
import type {Readable} from 'node:stream';
import {promisify} from 'node:util';
import {FeedError} from '../core/feed-error.js';
import {MAX_FEED_BYTES, tooLargeMessage} from '../core/limits.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {lazyBuiltin} from '../shims/lazy-require.js';
import type {Lease} from './load-budget.js';
import {OFF_THREAD_BYTES} from './worker-plan.js';

const net = lazyBuiltin<typeof Net>('node:net');

// Where feed files (and pipes, devices, standard input) are read: bytes only, never parsed here.

/** Files above this size are refused before reading (the same limit the decoder enforces). */
export const MAX_FILE_BYTES = MAX_FEED_BYTES;
/** Small files read (and then parsed) at once, before the interface starts, in all. */
const READ_AT_ONCE_BYTES = 2 * OFF_THREAD_BYTES;

const openFile = promisify(fs.open);
const statFile = promisify(fs.fstat);
const readInto = promisify(fs.read);
const closeFile = promisify(fs.close);

const ERRNO_MESSAGES: Record<string, string> = {
	ENOENT: 'no such file',
	ENOTDIR: 'no such file',
	EISDIR: 'is a directory',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	ELOOP: 'too many levels of symbolic links',
	ENAMETOOLONG: 'file name too long',
	EMFILE: 'too many open files',
	ENFILE: 'too many open files',
	EIO: 'input/output error',
	EAGAIN: 'a device with nothing to read',
	ENXIO: 'no such device',
};

export function readErrorMessage(error: unknown): string {
	if (error instanceof FeedError) return error.message;
	const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
	return ERRNO_MESSAGES[code] ?? (code === '' ? 'could not read file' : `could not read file (${sanitizeLine(code)})`);
}

function tooLarge(size: number): FeedError {
	return new FeedError(tooLargeMessage(size, MAX_FILE_BYTES));
}

/** Everything `chunks` yields, up to the file size limit, each chunk under `lease` when given. */
export async function readToEnd(chunks: AsyncIterable<Uint8Array>, lease?: Lease): Promise<Uint8Array> {
	const kept: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of chunks) {
		total += chunk.length;
		if (total > MAX_FILE_BYTES) throw tooLarge(total);
		await lease?.grow(chunk.length);
		kept.push(chunk);
	}
	return Buffer.concat(kept, total);
}

async function readStream(stream: Readable, lease: Lease): Promise<Uint8Array> {
	try {
		return await readToEnd(stream, lease);
	} finally {
		stream.destroy();
	}
}

/**
 * `size` bytes from the start of the file. Above OFF_THREAD_BYTES they go into shared memory,
 * which parse workers read in place (src/load/parse-off-thread.ts): no copy of a large file is ever
 * made on the way to them. Should the file grow while it is read, what was there at the start is
 * parsed.
 */
async function readRegular(fd: number, size: number): Promise<Uint8Array> {
	const bytes = size > OFF_THREAD_BYTES ? new Uint8Array(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
	let filled = 0;
	while (filled < size) {
		const {bytesRead} = await readInto(fd, bytes, filled, size - filled, filled);
		if (bytesRead === 0) break;
		filled += bytesRead;
	}
	return bytes.subarray(0, filled);
}

/**
 * A feed file, pipe or device, read under `lease`. Nothing here ever holds one of libuv's I/O
 * threads while waiting: the file is opened non-blocking (opening a named pipe nobody writes to
 * would otherwise wait for a writer), and pipes and sockets are read through the event loop as
 * their data arrives, like standard input, so a pipe that never ends cannot hold up the other
 * sources or the exit. Devices are read in chunks up to the size limit.
 */
export async function readFeedFile(path: string, lease: Lease): Promise<Uint8Array> {
	const fd = await openFile(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
	let streamOwnsFd = false;
	try {
		const stats = await statFile(fd);
		if (stats.isDirectory()) throw new FeedError('is a directory');
		if (stats.isFIFO() || stats.isSocket()) {
			streamOwnsFd = true;
			return await readStream(new (net().Socket)({fd, readable: true, writable: false}), lease);
		}
		if (!stats.isFile()) {
			streamOwnsFd = true;
			return await readStream(fs.createReadStream(path, {fd, autoClose: true}), lease);
		}
		if (stats.size > MAX_FILE_BYTES) throw tooLarge(stats.size);
		await lease.grow(stats.size);
		return await readRegular(fd, stats.size);
	} finally {
		if (!streamOwnsFd) await closeFile(fd).catch(() => {});
	}
}

/**
 * The size of a regular file too large to parse on the main thread, or undefined (small, not a
 * regular file, missing). Above the size limit it throws the error that says so.
 */
export function largeRegularFileSize(path: string): number | undefined {
	let size: number;
	try {
		const stats = fs.statSync(path);
		if (!stats.isFile() || stats.size <= OFF_THREAD_BYTES) return undefined;
		size = stats.size;
	} catch {
		return undefined;
	}
	if (size > MAX_FILE_BYTES) throw tooLarge(size);
	return size;
}

let readAtOnceLeft = READ_AT_ONCE_BYTES;

/**
 * A regular file small enough to parse on the main thread is read synchronously: a handful of
 * small reads costs well under a millisecond, and the parse that follows then also runs at once,
 * while the caller has not yet started loading the interface (whose module loading would hold up
 * the callbacks of an asynchronous read). Only the first few (READ_AT_ONCE_BYTES in all) are, so
 * that a thousand files on the command line do not keep the process busy before it can take a
 * key or a signal. Anything else is undefined and read asynchronously.
 */
export function readSmallFileNow(path: string): Uint8Array | undefined {
	try {
		// stat before open: opening a named pipe would block until someone writes to it.
		const stats = fs.statSync(path);
		if (!stats.isFile() || stats.size > OFF_THREAD_BYTES || stats.size > readAtOnceLeft) return undefined;
		readAtOnceLeft -= stats.size;
		return fs.readFileSync(path);
	} catch {
		return undefined;
	}
}

/** How much of the start of a file mayBeXml looks at. */
const HEAD_BYTES = 4096 + 3;

/**
 * The first few KB of a regular file, read at once (a single small read), or undefined when it
 * cannot be read so (the parse that follows then says why).
 */
export function readHead(path: string): Uint8Array | undefined {
	let fd: number | undefined;
	try {
		fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
		if (!fs.fstatSync(fd).isFile()) return undefined;
		const head = Buffer.allocUnsafe(HEAD_BYTES);
		return head.subarray(0, fs.readSync(fd, head, 0, HEAD_BYTES, 0));
	} catch {
		return undefined;
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}
