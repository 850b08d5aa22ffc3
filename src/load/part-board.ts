// The board on which the first worker of a feed parsed in parts posts the plan of its cut, for the
// other workers to take (see parse-part.ts): shared memory, so a worker waits for the plan without
// a round trip through the main thread, which may be busy. For a file, it also holds what the file
// was when the plan was made, so that a worker reading it later can tell it has changed.
import type {PartRanges} from '../core/xml/split-xml-feed.js';

/** state[STATE]: PLANNING until the first worker has looked, then PLANNED, UNCUT or FAILED. */
const STATE = 0;
/** state[CUTS]: how many positions follow at CUT_AT (the parts planned, plus one). */
const CUTS = 1;
/** state[LENGTH]: the document's length in bytes when it was planned. */
const LENGTH = 2;
const CUT_AT = 3;

export const PLANNING = 0;
export const PLANNED = 1;
/** The document cannot be cut: it must be parsed whole. */
export const UNCUT = 2;
/** The first worker failed (its answer says why): nothing to parse. */
export const FAILED = -1;

/** What a file is: device, inode, size, and the times of its last change. */
export type FileIdentity = readonly bigint[];
const IDENTITY_FIELDS = 5;

export type PartBoard = {state: Int32Array; identity: BigInt64Array};

/** A board for a plan of up to `parts` parts. */
export function newPartBoard(parts: number): PartBoard {
	return {
		state: new Int32Array(new SharedArrayBuffer((CUT_AT + parts + 1) * Int32Array.BYTES_PER_ELEMENT)),
		identity: new BigInt64Array(new SharedArrayBuffer(IDENTITY_FIELDS * BigInt64Array.BYTES_PER_ELEMENT)),
	};
}

export function boardState(board: PartBoard): number {
	return Atomics.load(board.state, STATE);
}

function post(board: PartBoard, state: number): void {
	Atomics.store(board.state, STATE, state);
	Atomics.notify(board.state, STATE);
}

/** Ends the wait of the other workers: with the plan, or with `state` (UNCUT or FAILED). */
export function postPlan(board: PartBoard, plan: PartRanges[] | undefined, length: number, identity?: FileIdentity, state = UNCUT): void {
	if (identity !== undefined) {
		identity.forEach((value, index) => {
			board.identity[index] = BigInt.asIntN(64, value);
		});
	}
	if (plan === undefined || plan.length + 1 > board.state.length - CUT_AT) {
		post(board, plan === undefined ? state : UNCUT);
		return;
	}
	board.state[LENGTH] = length;
	board.state[CUTS] = plan.length + 1;
	// Every part's ranges are [0, start), its run of items, and [end, length).
	plan.forEach((ranges, index) => {
		board.state[CUT_AT + index] = ranges[1]![0];
	});
	board.state[CUT_AT + plan.length] = plan.at(-1)![1]![1];
	post(board, PLANNED);
}

/** Posts FAILED unless the first worker has posted already, so that no worker waits forever. */
export function releaseWaiters(board: PartBoard): void {
	if (Atomics.compareExchange(board.state, STATE, PLANNING, FAILED) === PLANNING) Atomics.notify(board.state, STATE);
}

/** Waits until the first worker has posted, and says what. */
export function waitForPlan(board: PartBoard): number {
	Atomics.wait(board.state, STATE, PLANNING);
	return boardState(board);
}

/** The plan posted (state PLANNED). */
export function postedPlan(board: PartBoard): {plan: PartRanges[]; length: number} {
	const cuts = Array.from(board.state.subarray(CUT_AT, CUT_AT + board.state[CUTS]!));
	const length = board.state[LENGTH]!;
	const start = cuts[0]!;
	const end = cuts.at(-1)!;
	const plan = cuts.slice(0, -1).map(
		(cut, index): PartRanges => [
			[0, start],
			[cut, cuts[index + 1]!],
			[end, length],
		],
	);
	return {plan, length};
}

/** How many parts were planned, or 0 when there is no plan. */
export function partsPlanned(board: PartBoard): number {
	return boardState(board) === PLANNED ? board.state[CUTS]! - 1 : 0;
}

/** Whether `identity` is what the file was when the plan was made. */
export function sameAsPlanned(board: PartBoard, identity: FileIdentity): boolean {
	return identity.every((value, index) => board.identity[index] === BigInt.asIntN(64, value));
}
