import type {CompactionOutcome} from './compactor.js';

// Durability vs speed: every change is appended to the journal before the call returns, so a crash
// or kill -9 loses at most the change in flight. The state file is only rewritten by compaction:
// in the background (in slices, so keys are never held up) once changes stop for `whenIdleMs` (or at
// the latest `atLeastEveryMs` after the first pending change), and at once on flush()/close() when
// the state file is small. This module decides only when.
//
// Quitting never waits for a large state to be written: close() stops a save under way (the
// journals still hold everything) and leaves a large state's journal for the next start to fold in,
// unless the journals have grown past their bound (see Compactor.journalsOverBound).

/**
 * How long flush() and close() wait for another instance's compaction: a moment, because quitting
 * must not wait, and nothing is lost by not waiting (the changes stay in the journal, and the next
 * compaction of any instance folds them in). A timer never waits.
 */
const FLUSH_LOCK_WAIT_MS = 200;

export type CompactionScheduler = {
	/** Something was written to the journal (or noted) that the file does not hold yet. */
	changed(): void;
	/**
	 * Compacts now if anything is pending: at once when the state is small, else in the background.
	 * Nothing is lost when the lock stays busy: the changes are in the journal.
	 */
	flush(): void;
	/** Compacts now without waiting for the lock; true when the file holds every change or a save is under way. */
	compactNow(): boolean;
	/** Stops a save under way, compacts at once if the state is small (else leaves the journal), and schedules nothing afterwards. */
	close(): void;
	/** Saving became impossible: no timer, no compaction from now on. */
	stop(): void;
};

export function createCompactionScheduler(options: {
	compact(lockWaitMs: number): CompactionOutcome;
	compactInBackground(): CompactionOutcome | Promise<CompactionOutcome>;
	cancelBackground(): void;
	/** flush() and compactNow() compact at once only a small state, else in the background. */
	isSmall(): boolean;
	/** close() compacts at once a small state, or one whose journals grew past their bound; else it leaves them. */
	journalsOverBound(): boolean;
	/** The journals already hold changes the file does not (e.g. left by a crashed instance). */
	pending: boolean;
	whenIdleMs: number;
	atLeastEveryMs: number;
}): CompactionScheduler {
	let pending = options.pending;
	let closed = false;
	let stopped = false;
	/** A save in the background under way. */
	let running: Promise<CompactionOutcome> | undefined;
	let idleTimer: NodeJS.Timeout | undefined;
	let deadlineTimer: NodeJS.Timeout | undefined;

	function cancelTimers(): void {
		clearTimeout(idleTimer);
		clearTimeout(deadlineTimer);
		idleTimer = undefined;
		deadlineTimer = undefined;
	}

	function settle(outcome: CompactionOutcome): void {
		if (outcome === 'done') pending = false;
		else if (outcome === 'stopped') stop();
		else if (outcome === 'busy') schedule();
	}

	function compactAtOnce(lockWaitMs: number): void {
		cancelBackground();
		if (!stopped) settle(options.compact(lockWaitMs));
	}

	function startInBackground(): void {
		if (stopped || running) return;
		// The save takes every journal as it begins: what changes from now on is pending again.
		pending = false;
		const started = options.compactInBackground();
		if (typeof started === 'string') {
			if (started !== 'done') pending = true;
			settle(started);
			return;
		}

		const run = started
			.catch((): CompactionOutcome => 'failed')
			.then(outcome => {
				if (running !== run) return outcome;
				running = undefined;
				const changedMeanwhile = pending;
				if (outcome !== 'done') pending = true;
				if (outcome === 'stopped') stop();
				else if (outcome === 'busy' || changedMeanwhile) schedule();
				return outcome;
			});
		running = run;
	}

	/** A save stopped half-way leaves its journals for the next one. */
	function cancelBackground(): void {
		if (!running) return;
		running = undefined;
		options.cancelBackground();
		pending = true;
	}

	function onTimer(): void {
		cancelTimers();
		// A save under way schedules the next one when it ends, if anything changed meanwhile.
		if (pending) startInBackground();
	}

	function schedule(): void {
		if (closed || stopped) return;
		clearTimeout(idleTimer);
		idleTimer = setTimeout(onTimer, options.whenIdleMs).unref();
		deadlineTimer ??= setTimeout(onTimer, options.atLeastEveryMs).unref();
	}

	function stop(): void {
		stopped = true;
		cancelTimers();
	}

	if (pending) schedule();

	return {
		changed() {
			pending = true;
			schedule();
		},
		flush() {
			cancelTimers();
			if (options.isSmall()) {
				if (pending || running) compactAtOnce(FLUSH_LOCK_WAIT_MS);
			} else if (pending) {
				startInBackground();
			}
		},
		compactNow() {
			if (running) return true;
			cancelTimers();
			if (!pending) return true;
			if (options.isSmall()) compactAtOnce(0);
			else startInBackground();
			return !pending || running !== undefined;
		},
		close() {
			closed = true;
			cancelTimers();
			cancelBackground();
			if (pending && (options.isSmall() || options.journalsOverBound())) compactAtOnce(FLUSH_LOCK_WAIT_MS);
		},
		stop,
	};
}
