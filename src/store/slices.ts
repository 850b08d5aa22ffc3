import {performance} from 'node:perf_hooks';

// Work on a large state (merging, encoding, copying, decoding) is written once, as a generator that
// yields between small steps. Quitting runs it to the end at once (runAtOnce); a save in the
// background runs it in slices with the event loop free in between (Slicer), so keys keep being
// read however large the state is.

/** Work that yields between steps and returns T at its end. */
export type Steps<T> = Generator<void, T, undefined>;

export function runAtOnce<T>(steps: Steps<T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** The longest the event loop is held between two pauses (a single step longer than this is not cut). */
const SLICE_MS = 8;

/** Thrown out of a pause once the save was cancelled: nothing after it may touch the files. */
export class SaveCancelled extends Error {
	constructor() {
		super('the save was cancelled');
	}
}

export type Slicer = {
	/** Lets the event loop run if this slice is used up; throws SaveCancelled once cancelled. */
	pause(): Promise<void>;
	/** Awaits I/O, during which the event loop is free: the next slice starts when it is done. */
	wait<T>(io: Promise<T>): Promise<T>;
	/** Runs `steps` to the end, pausing between steps whenever a slice is used up. */
	run<T>(steps: Steps<T>): Promise<T>;
	/** Throws SaveCancelled if cancel() was called. */
	check(): void;
	cancel(): void;
	readonly cancelled: boolean;
};

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/** `onPause` runs at every pause (e.g. to keep the lock fresh). */
export function createSlicer(onPause: () => void = () => {}): Slicer {
	let sliceStart = performance.now();
	let cancelled = false;
	const check = () => {
		if (cancelled) throw new SaveCancelled();
	};

	const slicer: Slicer = {
		async pause() {
			check();
			if (performance.now() - sliceStart < SLICE_MS) return;
			await nextTurn();
			check();
			onPause();
			sliceStart = performance.now();
		},
		async wait(io) {
			const result = await io;
			check();
			onPause();
			sliceStart = performance.now();
			return result;
		},
		async run(steps) {
			for (;;) {
				const step = steps.next();
				if (step.done) return step.value;
				if (performance.now() - sliceStart >= SLICE_MS) await slicer.pause();
				else check();
			}
		},
		check,
		cancel() {
			cancelled = true;
		},
		get cancelled() {
			return cancelled;
		},
	};
	return slicer;
}
