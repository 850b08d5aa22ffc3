import {readFileSync, statSync} from 'node:fs';
import {open} from 'node:fs/promises';
import type {FileHandle} from 'node:fs/promises';
import {FeedError} from '../core/feed-error.js';
import {MAX_FEED_BYTES, tooLargeMessage} from '../core/limits.js';
import {sanitizeLine} from '../core/text/sanitize.js';

// Where feed files (and pipes, devices, standard input) are read: bytes only, never parsed here.

/** Files above this size are refused before reading (the same limit the decoder enforces). */
export const MAX_FILE_BYTES = MAX_FEED_BYTES;
/** Files above this size are parsed in a worker thread so the UI keeps drawing meanwhile. */
export const OFF_THREAD_BYTES = 1024 * 1024;

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
};

export function readErrorMessage(error: unknown): string {
	if (error instanceof FeedError) return error.message;
	const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
	return ERRNO_MESSAGES[code] ?? (code === '' ? 'could not read file' : `could not read file (${sanitizeLine(code)})`);
}

function tooLarge(size: number): FeedError {
	return new FeedError(tooLargeMessage(size, MAX_FILE_BYTES));
}

/** Everything `chunks` yields, up to the file size limit. */
export async function readToEnd(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const kept: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of chunks) {
		total += chunk.length;
		if (total > MAX_FILE_BYTES) throw tooLarge(total);
		kept.push(chunk);
	}
	return Buffer.concat(kept, total);
}

// Pipes and devices (e.g. `flashnews <(curl …)`) have no size up front: read in chunks up to the limit.
function readStream(handle: FileHandle): Promise<Uint8Array> {
	return readToEnd(handle.createReadStream({autoClose: false}));
}

/**
 * A file parsed off the main thread is read into shared memory, which parse workers read in place
 * (src/load/parse-off-thread.ts): no copy of a large file is ever made on the way to them. Should
 * the file grow while it is read, what was there at the start is parsed.
 */
async function readShared(handle: FileHandle, size: number): Promise<Uint8Array> {
	const bytes = new Uint8Array(new SharedArrayBuffer(size));
	let filled = 0;
	while (filled < size) {
		const {bytesRead} = await handle.read(bytes, filled, size - filled, filled);
		if (bytesRead === 0) break;
		filled += bytesRead;
	}
	return bytes.subarray(0, filled);
}

export async function readFeedFile(path: string): Promise<Uint8Array> {
	const handle = await open(path, 'r');
	try {
		const stats = await handle.stat();
		if (stats.isDirectory()) throw new FeedError('is a directory');
		if (!stats.isFile()) return await readStream(handle);
		if (stats.size > MAX_FILE_BYTES) throw tooLarge(stats.size);
		if (stats.size <= OFF_THREAD_BYTES) return await handle.readFile();
		return await readShared(handle, stats.size);
	} finally {
		await handle.close();
	}
}

/**
 * A regular file small enough to parse on the main thread is read synchronously: a handful of
 * small reads costs well under a millisecond, and the parse that follows then also runs at once,
 * while the caller has not yet started loading the interface (whose module loading would hold up
 * the callbacks of an asynchronous read). Anything else is undefined and read asynchronously.
 */
export function readSmallFileNow(path: string): Uint8Array | undefined {
	try {
		// stat before open: opening a named pipe would block until someone writes to it.
		const stats = statSync(path);
		return stats.isFile() && stats.size <= OFF_THREAD_BYTES ? readFileSync(path) : undefined;
	} catch {
		return undefined;
	}
}
