// Worker side of a feed parsed in parts (see parse-off-thread.ts). The feed is cut into more parts
// than there are workers, and each worker parses every so many of them, one after another, handing
// each over as it is done: a worker holds one part's parse at a time, and the main thread takes in
// one part while the next is parsed. Every worker plans the cut itself: the plan is a quick search
// of the bytes and the same for every worker, so no round trip through the main thread stands
// between the bytes and the parse. For a file, the first worker reads it into the shared bytes
// while the others start up, then lets them go on.
import fs from 'node:fs';
import type {FeedResult} from '../core/articles/article.js';
import {type ParseFeedOptions, parseFeed} from '../core/parse-feed.js';
import {joinRanges, mayBeXml, planXmlFeedParts} from '../core/xml/split-xml-feed.js';
import {readErrorMessage} from './read-file.js';

/** control[READY]: FILE_READING until the file is read, then FILE_READ or FILE_FAILED; control[LENGTH]: bytes read. */
export const READY = 0;
export const LENGTH = 1;
export const FILE_READING = 0;
const FILE_READ = 1;
export const FILE_FAILED = -1;

const READ_PIECE_BYTES = 8 * 1024 * 1024;

/** A regular file that the first part's worker reads into `bytes` (shared memory of its size). */
export type FileToRead = {path: string; control: Int32Array};

/** Worker `worker` of `workers` parses parts worker, worker + workers, … of `parts`. */
export type PartRequest = {
	bytes: Uint8Array;
	source: string;
	options?: ParseFeedOptions;
	worker: number;
	workers: number;
	parts: number;
	file?: FileToRead;
};

/** `whole`: the feed could not be cut and worker 0 parsed all of it (as part 0). */
export type PartOutcome = {kind: 'whole' | 'part'; part: number; result: FeedResult};

export function newControl(): Int32Array {
	return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** What the file holds, up to the length of `into`: it may have shrunk since it was measured, never grown. */
function readInto(path: string, into: Uint8Array): number {
	const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
	try {
		if (!fs.fstatSync(fd).isFile()) throw new Error('the file was replaced while it was loading');
		let filled = 0;
		while (filled < into.length) {
			// In pieces: quitting waits for a read under way, which on a slow disk could be all of it.
			const read = fs.readSync(fd, into, filled, Math.min(into.length - filled, READ_PIECE_BYTES), filled);
			if (read === 0) break;
			filled += read;
		}
		return filled;
	} finally {
		fs.closeSync(fd);
	}
}

function finishReading(control: Int32Array, state: number, length: number): void {
	Atomics.store(control, LENGTH, length);
	Atomics.store(control, READY, state);
	Atomics.notify(control, READY);
}

/** The bytes to parse, or a failure (worker 0) or nothing to do (the others) when the file could not be read. */
function sharedBytes(request: PartRequest): Uint8Array | PartOutcome | undefined {
	const {file, bytes, worker, source} = request;
	if (file === undefined) return bytes;
	if (worker === 0) {
		try {
			finishReading(file.control, FILE_READ, readInto(file.path, bytes));
		} catch (error) {
			finishReading(file.control, FILE_FAILED, 0);
			const message = error instanceof Error && !('code' in error) ? error.message : readErrorMessage(error);
			return {kind: 'whole', part: 0, result: {ok: false, source, error: message}};
		}
	} else {
		Atomics.wait(file.control, READY, FILE_READING);
		if (Atomics.load(file.control, READY) !== FILE_READ) return undefined;
	}
	return bytes.subarray(0, Atomics.load(file.control, LENGTH));
}

/** This worker's parts, each once it is parsed. */
export async function* parseParts(request: PartRequest): AsyncGenerator<PartOutcome> {
	const bytes = sharedBytes(request);
	if (bytes === undefined) return;
	if (!(bytes instanceof Uint8Array)) {
		yield bytes;
		return;
	}
	const {worker, workers, parts, source, options = {}} = request;
	let plan: ReturnType<typeof planXmlFeedParts>;
	try {
		plan = parts > 1 && mayBeXml(bytes) ? planXmlFeedParts(bytes, parts) : undefined;
	} catch {
		plan = undefined;
	}
	if (plan === undefined) {
		if (worker === 0) yield {kind: 'whole', part: 0, result: await parseFeed(bytes, source, options)};
		return;
	}
	for (let part = worker; part < plan.length; part += workers) {
		yield {kind: 'part', part, result: await parseFeed(joinRanges(bytes, plan[part]!), source, {...options, part: true})};
	}
}
