// Main-thread side of a feed parsed in parts on several workers (the workers' side is
// parse-part.ts): starts them, gathers their parts, and makes up for any that fail. Part workers
// run under a heap limit sized for one part; one that runs out of memory has its parts parsed
// again by a worker without a limit, so the limit costs no feed.
import type {Article, FeedResult} from '../core/articles/article.js';
import {createStringSharer} from '../core/articles/shared-strings.js';
import {DEFAULT_MAX_ITEMS} from '../core/limits.js';
import type {ParseFeedOptions} from '../core/parse-feed.js';
import {createPartRun, mergeFeedParts} from '../core/xml/merge-feed-parts.js';
import type {FeedBytes, PartOutcome, PartRequest} from './parse-part.js';
import {boardState, newPartBoard, PLANNED, partsPlanned, releaseWaiters} from './part-board.js';
import {
	failure,
	type HeapLimits,
	type PartsAnswer,
	parseFileInNewWorker,
	parseInNewWorker,
	parsePartsInNewWorker,
} from './worker-session.js';
import {freeWorkerSlots, inWorkerSlot} from './worker-slots.js';

export type PartsJob = {feed: FeedBytes; source: string; options: ParseFeedOptions};
/**
 * `limits`: the heap limits of the workers that parse parts (none: no limit). `onPartial`: hears,
 * while the parts are parsed, of the articles of those from the first on that are in (see
 * createPartRun), to show before the whole is.
 */
export type PartsSettings = {
	workerUrl: URL;
	workers: number;
	partBytes: number;
	limits?: HeapLimits | undefined;
	onPartial?: ((result: FeedResult) => void) | undefined;
};

export function feedSize(feed: FeedBytes): number {
	return 'bytes' in feed ? feed.bytes.length : feed.size;
}

/** The feed parsed whole by one worker, with no heap limit. */
export function parseWhole(workerUrl: URL, {feed, source, options}: PartsJob): Promise<FeedResult> {
	return inWorkerSlot(run =>
		'bytes' in feed
			? parseInNewWorker(workerUrl, {bytes: feed.bytes, source, options}, run)
			: parseFileInNewWorker(workerUrl, {path: feed.path, size: feed.size, source, options}, run),
	);
}

type Parsed = Extract<PartOutcome, {kind: 'part'}>;

/** The final result some worker gave (the feed could not be read, or changed meanwhile). */
function finalResult(answers: readonly PartsAnswer[]): FeedResult | undefined {
	for (const {outcomes} of answers) {
		for (const outcome of outcomes) if (outcome.kind === 'whole') return outcome.result;
	}
	return undefined;
}

function parsedParts(answers: readonly PartsAnswer[]): Parsed[] {
	return answers.flatMap(({outcomes}) => outcomes.filter((outcome): outcome is Parsed => outcome.kind === 'part'));
}

/**
 * Parses the feed in parts of about `partBytes` on up to `workers` workers started at once (see
 * parse-part.ts), and merges the parts. When the feed cannot be cut, or the parts do not add up,
 * it is parsed again whole. Only as many workers as there are free worker slots (at least one): a
 * worker never waits for a slot while another of the same feed waits for it, so feeds loading side
 * by side cannot hold each other up.
 */
export async function parseInParts(job: PartsJob, {workerUrl, workers, partBytes, limits, onPartial}: PartsSettings): Promise<FeedResult> {
	const count = Math.max(1, Math.min(workers, freeWorkerSlots()));
	const parts = count * Math.max(1, Math.ceil(feedSize(job.feed) / (count * partBytes)));
	if (parts < 2) return await parseWhole(workerUrl, job);
	const request: Omit<PartRequest, 'worker'> = {...job, board: newPartBoard(parts), workers: count, parts};
	// One copy of each repeated string for the whole feed, whichever worker its articles come from.
	const share = createStringSharer();
	// Each part joins the others as it arrives, so the whole is ready when the last does.
	const run = createPartRun(job.options.maxItems ?? DEFAULT_MAX_ITEMS, {partials: onPartial !== undefined});
	const onPart = (outcome: PartOutcome) => {
		if (outcome.kind !== 'part') return;
		const partial = run.add(outcome.part, outcome.result, partsPlanned(request.board));
		if (partial !== undefined) onPartial?.(partial);
	};
	const answers = await Promise.all(
		Array.from({length: count}, (_, worker) =>
			inWorkerSlot(async run => {
				try {
					return await parsePartsInNewWorker(workerUrl, {...request, worker}, run, {limits, share, onPart});
				} finally {
					// The others must not wait for a plan that the first worker will never post.
					if (worker === 0) releaseWaiters(request.board);
				}
			}),
		),
	);
	const final = finalResult(answers);
	if (final !== undefined) return final;
	if (answers.some(({outcomes}) => outcomes.some(outcome => outcome.kind === 'uncut'))) return await parseWhole(workerUrl, job);
	if (boardState(request.board) !== PLANNED) {
		// The first worker failed before it had planned anything.
		const first = answers[0]?.failure;
		if (first?.outOfMemory) return await parseWhole(workerUrl, job);
		return failure(job.source, first?.message ?? 'parser failed');
	}
	return run.whole(partsPlanned(request.board)) ?? (await mergeParts(workerUrl, job, request, answers, share));
}

/** The parts merged; those that a failed worker never handed over are parsed again first, with no heap limit. */
async function mergeParts(
	workerUrl: URL,
	job: PartsJob,
	request: Omit<PartRequest, 'worker'>,
	answers: PartsAnswer[],
	share: (article: Article) => void,
): Promise<FeedResult> {
	const results: (FeedResult | undefined)[] = Array.from({length: partsPlanned(request.board)});
	const take = (parsed: Parsed[]) => {
		for (const {part, result} of parsed) results[part] = result;
	};
	take(parsedParts(answers));
	const missing = results.flatMap((result, part) => (result === undefined ? [part] : []));
	if (missing.length > 0) {
		const again = await inWorkerSlot(run => parsePartsInNewWorker(workerUrl, {...request, worker: 0, only: missing}, run, {share}));
		const final = finalResult([again]);
		if (final !== undefined) return final;
		take(parsedParts([again]));
		if (results.includes(undefined)) return failure(job.source, again.failure?.message ?? 'parser failed');
	}
	const merged = mergeFeedParts(results as FeedResult[], job.options.maxItems ?? DEFAULT_MAX_ITEMS);
	return merged ?? (await parseWhole(workerUrl, job));
}
