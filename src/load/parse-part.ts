// Worker side of a feed parsed in parts (see parse-in-parts.ts). The feed is cut into more parts
// than there are workers, and each worker parses every so many of them, one after another, handing
// each over as it is done: a worker holds one part's document and parse at a time, and the main
// thread takes in one part while the next is parsed. The first worker plans the cut and posts it
// on a shared board (part-board.ts); the others wait for it there, so no round trip through the
// main thread stands between the bytes and the parse. A file is never read whole: the plan reads
// it a window at a time, and each part's byte ranges are read when that part is parsed.
import fs from 'node:fs';
import type {FeedResult} from '../core/articles/article.js';
import {FeedError} from '../core/feed-error.js';
import {type ParseFeedOptions, parseFeed} from '../core/parse-feed.js';
import {type ByteReader, memoryReader} from '../core/xml/byte-reader.js';
import {joinRanges, mayBeXml, type PartRanges, planXmlFeedPartsFrom} from '../core/xml/split-xml-feed.js';
import {CHANGED, checkUnchanged, fileReader, openFeedFile, readRanges} from './feed-file.js';
import type {FileIdentity} from './part-board.js';
import {FAILED, type PartBoard, PLANNED, postedPlan, postPlan, sameAsPlanned, waitForPlan} from './part-board.js';
import {readErrorMessage} from './read-file.js';

/** Where a feed's bytes are: a regular file (of `size` bytes when measured), or shared memory. */
export type FeedBytes = {path: string; size: number} | {bytes: Uint8Array};

/**
 * Worker `worker` of `workers` parses parts worker, worker + workers, … of the plan, which worker
 * 0 makes (for up to `parts` parts) and the others wait for. With `only`, a worker parses just
 * those parts of the plan already posted.
 */
export type PartRequest = {
	feed: FeedBytes;
	board: PartBoard;
	source: string;
	options?: ParseFeedOptions;
	worker: number;
	workers: number;
	parts: number;
	only?: number[];
};

/**
 * A part parsed; `whole`: the feed's final result (it could not be read, or changed meanwhile);
 * `uncut`: the feed cannot be cut and must be parsed whole.
 */
export type PartOutcome = {kind: 'part'; part: number; result: FeedResult} | {kind: 'whole'; result: FeedResult} | {kind: 'uncut'};

/** The feed's bytes for this worker: ranges of them, and a check that they are still what was planned. */
type Access = {reader: ByteReader; read(ranges: PartRanges): Uint8Array; identity?: FileIdentity; close(): void};

function memoryAccess(bytes: Uint8Array): Access {
	return {reader: memoryReader(bytes), read: ranges => joinRanges(bytes, ranges), close() {}};
}

function fileAccess(path: string, size: number): Access {
	const {fd, identity, size: now} = openFeedFile(path);
	return {
		// What the file held when it was measured, should it have grown since.
		reader: fileReader(fd, Math.min(size, now)),
		read(ranges) {
			const bytes = readRanges(fd, ranges);
			checkUnchanged(fd, identity);
			return bytes;
		},
		identity,
		close: () => fs.closeSync(fd),
	};
}

function failed(source: string, error: unknown): PartOutcome {
	return {kind: 'whole', result: {ok: false, source, error: readErrorMessage(error)}};
}

/** Worker 0: the plan, posted for the others (UNCUT or FAILED when there is none). */
function makePlan(request: PartRequest, access: Access): PartRanges[] | undefined {
	const {reader, identity} = access;
	let plan: PartRanges[] | undefined;
	try {
		plan = request.parts > 1 && mayBeXml(reader.read(0, 4096 + 3)) ? planXmlFeedPartsFrom(reader, request.parts) : undefined;
	} catch {
		plan = undefined;
	}
	postPlan(request.board, plan, reader.length, identity);
	return plan;
}

/** The plan of the others, once worker 0 has posted it; undefined when it has none for them. */
function takePlan(request: PartRequest, access: Access): PartRanges[] | undefined {
	const state = request.only === undefined ? waitForPlan(request.board) : PLANNED;
	if (state !== PLANNED) return undefined;
	if (access.identity !== undefined && !sameAsPlanned(request.board, access.identity)) throw new FeedError(CHANGED);
	return postedPlan(request.board).plan;
}

function partsOf(request: PartRequest, plan: PartRanges[]): number[] {
	if (request.only !== undefined) return request.only.filter(part => part < plan.length);
	const mine: number[] = [];
	for (let part = request.worker; part < plan.length; part += request.workers) mine.push(part);
	return mine;
}

/** This worker's parts, each once it is parsed. */
export async function* parseParts(request: PartRequest): AsyncGenerator<PartOutcome> {
	const {feed, source, options = {}} = request;
	const planner = request.worker === 0 && request.only === undefined;
	let access: Access;
	let plan: PartRanges[] | undefined;
	try {
		access = 'bytes' in feed ? memoryAccess(feed.bytes) : fileAccess(feed.path, feed.size);
	} catch (error) {
		if (planner) postPlan(request.board, undefined, 0, undefined, FAILED);
		yield failed(source, error);
		return;
	}
	try {
		try {
			plan = planner ? makePlan(request, access) : takePlan(request, access);
		} catch (error) {
			if (planner) postPlan(request.board, undefined, 0, undefined, FAILED);
			yield failed(source, error);
			return;
		}
		if (plan === undefined) {
			if (planner) yield {kind: 'uncut'};
			return;
		}
		for (const part of partsOf(request, plan)) {
			let bytes: Uint8Array;
			try {
				bytes = access.read(plan[part]!);
			} catch (error) {
				yield failed(source, error);
				return;
			}
			yield {kind: 'part', part, result: await parseFeed(bytes, source, {...options, part: true})};
		}
	} finally {
		access.close();
	}
}
