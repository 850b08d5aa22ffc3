import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import pLimit from 'p-limit';
import type {FeedResult} from '../core/articles/article.js';
import {FeedError} from '../core/feed-error.js';
import {parseFeed} from '../core/parse-feed.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {urlSource, type WebSettings} from './http/url-source.js';
import {type Lease, type LoadBudget, sharedLoadBudget} from './load-budget.js';
import {canParseOffThread, parseFeedOffThread, parseFileOffThread} from './parse-off-thread.js';
import {largeRegularFileSize, readErrorMessage, readFeedFile, readSmallFileNow, readToEnd} from './read-file.js';
import type {Source} from './source.js';
import {OFF_THREAD_BYTES} from './worker-plan.js';

export type SourceOptions = {
	/** What the bytes of every source being loaded may add up to (default: the process's shared budget). */
	budget?: LoadBudget;
	/** How web feeds are fetched; without it a URL source fails with a message. */
	web?: WebSettings;
};

// Feeds parsed on the main thread are parsed one at a time, each on a turn of the event loop of
// its own, so that keys and signals are handled between any two of them.
const mainThreadParses = pLimit(1);
const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

function parseOnMainThread(bytes: Uint8Array, label: string): Promise<FeedResult> {
	return mainThreadParses(async () => {
		await nextTurn();
		return parseFeed(bytes, label);
	});
}

/**
 * A source whose bytes come from `readNow` (synchronously, when it can) or else `read`, under a
 * lease on the loading budget that is given back once the bytes are parsed. A failed read is that
 * source's error, never a crash.
 */
function bytesSource(
	id: string,
	label: string,
	budget: LoadBudget,
	read: (lease: Lease) => Promise<Uint8Array>,
	readNow?: () => Uint8Array | undefined,
): Source {
	return {
		id,
		label,
		async load(onPartial) {
			const now = readNow?.();
			if (now !== undefined) return parseFeed(now, label);
			const lease = budget.lease();
			try {
				let bytes: Uint8Array;
				try {
					bytes = await read(lease);
				} catch (error) {
					return {ok: false, source: label, error: readErrorMessage(error)};
				}
				return await (bytes.length > OFF_THREAD_BYTES
					? parseFeedOffThread(bytes, label, {}, {onPartial})
					: parseOnMainThread(bytes, label));
			} finally {
				lease.release();
			}
		},
	};
}

function fileSource(path: string, label: string, budget: LoadBudget): Source {
	const source = bytesSource(
		path,
		label,
		budget,
		lease => readFeedFile(path, lease),
		() => readSmallFileNow(path),
	);
	if (!canParseOffThread()) return source;
	return {
		...source,
		async load(onPartial) {
			let size: number | undefined;
			try {
				size = largeRegularFileSize(path);
			} catch (error) {
				return {ok: false, source: label, error: readErrorMessage(error)};
			}
			if (size === undefined) return source.load(onPartial);
			// Read in a worker: the main thread may be busy starting the interface for a while.
			const lease = budget.lease();
			try {
				await lease.grow(size);
				return await parseFileOffThread(path, size, label, {}, {onPartial});
			} catch (error) {
				return {ok: false, source: label, error: readErrorMessage(error)};
			} finally {
				lease.release();
			}
		},
	};
}

/** Standard input, read to its end (a pipe, a socket or a redirected file alike). */
function stdinSource(budget: LoadBudget): Source {
	return bytesSource('-', 'stdin', budget, async lease => {
		// Waiting for a feed to be typed in would look like a hang.
		if (process.stdin.isTTY) throw new FeedError('standard input is a terminal, not a feed (pipe one in)');
		return readToEnd(process.stdin as AsyncIterable<Uint8Array>, lease);
	});
}

/** A source for a command-line argument: an http(s) URL, a file: URL, or a file path (relative to cwd). */
export function createSource(arg: string, cwd: string = process.cwd(), {budget = sharedLoadBudget, web}: SourceOptions = {}): Source {
	// `-` is standard input, as for most command-line tools (`curl … | flashnews -`).
	if (arg === '-') return stdinSource(budget);
	const label = sanitizeLine(arg) || '(unnamed source)';
	if (/^https?:\/\//i.test(arg.trim())) {
		if (web === undefined) return failedSource(arg.trim(), label, 'web feeds are not fetched here');
		return urlSource(arg.trim(), label, web);
	}
	if (/^file:\/\//i.test(arg)) {
		try {
			return fileSource(fileURLToPath(arg), label, budget);
		} catch {
			// Not a usable file URL (e.g. a remote host): treat it as a path, which will not exist.
		}
	}
	return fileSource(resolve(cwd, arg), label, budget);
}

function failedSource(id: string, label: string, error: string): Source {
	return {id, label, load: async () => ({ok: false, source: label, error})};
}
