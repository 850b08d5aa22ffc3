import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {FeedError} from '../core/feed-error.js';
import {parseFeed} from '../core/parse-feed.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {parseFeedOffThread} from './parse-off-thread.js';
import {OFF_THREAD_BYTES, readErrorMessage, readFeedFile, readSmallFileNow, readToEnd} from './read-file.js';
import {urlSource, type WebSettings} from './http/url-source.js';
import type {Source} from './source.js';

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

/** A source for a command-line argument: an http(s) URL, a file: URL, or a file path (relative to cwd). */
export function createSource(arg: string, cwd: string = process.cwd(), web?: WebSettings): Source {
	// `-` is standard input, as for most command-line tools (`curl … | flashnews -`).
	if (arg === '-') return stdinSource();
	const label = sanitizeLine(arg) || '(unnamed source)';
	if (/^https?:\/\//i.test(arg.trim())) {
		if (web === undefined) return failedSource(arg.trim(), label, 'web feeds are not fetched here');
		return urlSource(arg.trim(), label, web);
	}
	if (/^file:\/\//i.test(arg)) {
		try {
			return fileSource(fileURLToPath(arg), label);
		} catch {
			// Not a usable file URL (e.g. a remote host): treat it as a path, which will not exist.
		}
	}
	return fileSource(resolve(cwd, arg), label);
}

function failedSource(id: string, label: string, error: string): Source {
	return {id, label, load: async () => ({ok: false, source: label, error})};
}
