import {readFileSync, statSync} from 'node:fs';
import {open} from 'node:fs/promises';
import type {FileHandle} from 'node:fs/promises';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {FeedResult} from '../core/articles/article.js';
import {FeedError} from '../core/feed-error.js';
import {parseFeed} from '../core/parse-feed.js';
import {parseFeedOffThread} from './parse-off-thread.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {MAX_FEED_BYTES, tooLargeMessage} from '../core/limits.js';

/** Anything articles come from. Later sources (remote subscriptions, caches) hide behind this too. */
export type Source = {
	/** Identifies the source across runs: an absolute file path or a URL. */
	id: string;
	/** What the user typed, safe to print. */
	label: string;
	/** Never rejects: failures are `{ok: false}` results. */
	load(): Promise<FeedResult>;
};

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

function readErrorMessage(error: unknown): string {
	if (error instanceof FeedError) return error.message;
	const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
	return ERRNO_MESSAGES[code] ?? (code === '' ? 'could not read file' : `could not read file (${sanitizeLine(code)})`);
}

function tooLarge(size: number): FeedError {
	return new FeedError(tooLargeMessage(size, MAX_FILE_BYTES));
}

/** Everything `chunks` yields, up to the file size limit. */
async function readToEnd(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
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

async function readFeedFile(path: string): Promise<Uint8Array> {
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
function readSmallFileNow(path: string): Uint8Array | undefined {
	try {
		// stat before open: opening a named pipe would block until someone writes to it.
		const stats = statSync(path);
		return stats.isFile() && stats.size <= OFF_THREAD_BYTES ? readFileSync(path) : undefined;
	} catch {
		return undefined;
	}
}

/** A source whose bytes come from `read`: a failed read is that source's error, never a crash. */
function bytesSource(id: string, label: string, read: () => Promise<Uint8Array>): Source {
	return {
		id,
		label,
		async load() {
			let bytes: Uint8Array;
			try {
				bytes = await read();
			} catch (error) {
				return {ok: false, source: label, error: readErrorMessage(error)};
			}
			return bytes.length > OFF_THREAD_BYTES ? parseFeedOffThread(bytes, label) : parseFeed(bytes, label);
		},
	};
}

function fileSource(path: string, label: string): Source {
	return bytesSource(path, label, async () => readSmallFileNow(path) ?? (await readFeedFile(path)));
}

/** Standard input, read to its end (a pipe, a socket or a redirected file alike). */
function stdinSource(): Source {
	return bytesSource('-', 'stdin', async () => {
		// Waiting for a feed to be typed in would look like a hang.
		if (process.stdin.isTTY) throw new FeedError('standard input is a terminal, not a feed (pipe one in)');
		return readToEnd(process.stdin as AsyncIterable<Uint8Array>);
	});
}

function remoteSource(url: string, label: string): Source {
	return {
		id: url,
		label,
		async load() {
			return {ok: false, source: label, error: 'remote feeds are not supported yet'};
		},
	};
}

/** A source for a command-line argument: an http(s) URL, a file: URL, or a file path (relative to cwd). */
export function createSource(arg: string, cwd: string = process.cwd()): Source {
	// `-` is standard input, as for most command-line tools (`curl … | flashnews -`).
	if (arg === '-') return stdinSource();
	const label = sanitizeLine(arg) || '(unnamed source)';
	if (/^https?:\/\//i.test(arg.trim())) return remoteSource(arg.trim(), label);
	if (/^file:\/\//i.test(arg)) {
		try {
			return fileSource(fileURLToPath(arg), label);
		} catch {
			// Not a usable file URL (e.g. a remote host): treat it as a path, which will not exist.
		}
	}
	return fileSource(resolve(cwd, arg), label);
}

/** One source's result; a load that rejects anyway becomes that source's error, never a crash. */
export async function settleLoad(source: Source): Promise<FeedResult> {
	try {
		return await source.load();
	} catch (error) {
		return {ok: false, source: source.label, error: sanitizeLine(error instanceof Error ? error.message : String(error)) || 'could not load'};
	}
}

/** Loads every source in parallel; results come back in the order of `sources`. */
export function loadSources(sources: Source[]): Promise<FeedResult[]> {
	return Promise.all(sources.map(settleLoad));
}

/** A source whose load has started; `result` is set the moment it finishes. */
export type StartedSource = Source & {readonly result: FeedResult | undefined};

/**
 * Starts every load now and returns sources whose load() hands back that same result. Small files
 * are read and parsed at once, so their results are in place as soon as pending promise callbacks
 * have run: the interface, loaded meanwhile, can draw them in its very first frame.
 */
export function startLoading(sources: Source[]): StartedSource[] {
	return sources.map(source => {
		const started: {-readonly [K in keyof StartedSource]: StartedSource[K]} = {...source, result: undefined, load: () => loading};
		const loading = settleLoad(source).then(result => {
			started.result = result;
			return result;
		});
		return started;
	});
}
