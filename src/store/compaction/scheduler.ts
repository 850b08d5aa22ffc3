import type {CompactionOutcome} from './compactor.js';

// Durability vs speed: every change is appended to the journal before the call returns, so a crash
// or kill -9 loses at most the change in flight. The state file is only rewritten by compaction:
// on flush()/close(), and from a timer once changes stop for `whenIdleMs` (or at the latest
// `atLeastEveryMs` after the first pending change). This module decides only when.

/**
 * How long flush() and close() wait for another instance's compaction: a moment, because quitting
 * must not wait, and nothing is lost by not waiting (the changes stay in the journal, and the next
 * compaction of any instance folds them in). A timer never waits.
 */
const FLUSH_LOCK_WAIT_MS = 200;

export type CompactionScheduler = {
	/** Something was written to the journal (or noted) that the file does not hold yet. */
	changed(): void;
	/** Compacts now if anything is pending. Nothing is lost when the lock stays busy: the changes are in the journal. */
	flush(): void;
	/** Compacts at once without waiting for the lock; true when the file now holds every change. */
	compactNow(): boolean;
	/** Flushes, and schedules nothing afterwards. */
	close(): void;
	/** Saving became impossible: no timer, no compaction from now on. */
	stop(): void;
};

export function createCompactionScheduler(options: {
	compact(lockWaitMs: number): CompactionOutcome;
	/** The journals already hold changes the file does not (e.g. left by a crashed instance). */
	pending: boolean;
	whenIdleMs: number;
	atLeastEveryMs: number;
}): CompactionScheduler {
	let pending = options.pending;
	let closed = false;
	let stopped = false;
	let idleTimer: NodeJS.Timeout | undefined;
	let deadlineTimer: NodeJS.Timeout | undefined;

	function cancelTimers(): void {
		clearTimeout(idleTimer);
		clearTimeout(deadlineTimer);
		idleTimer = undefined;
		deadlineTimer = undefined;
	}

	function compact(lockWaitMs: number): void {
		if (stopped) return;
		const outcome = options.compact(lockWaitMs);
		if (outcome === 'done') pending = false;
		else if (outcome === 'stopped') stop();
		else if (outcome === 'busy') schedule();
	}

	function compactNow(): boolean {
		cancelTimers();
		if (pending) compact(0);
		return !pending;
	}

	function compactOnTimer(): void {
		cancelTimers();
		if (pending) compact(0);
	}

	function schedule(): void {
		if (closed || stopped) return;
		clearTimeout(idleTimer);
		idleTimer = setTimeout(compactOnTimer, options.whenIdleMs).unref();
		deadlineTimer ??= setTimeout(compactOnTimer, options.atLeastEveryMs).unref();
	}

	function flush(): void {
		cancelTimers();
		if (pending) compact(FLUSH_LOCK_WAIT_MS);
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
		flush,
		compactNow,
		close() {
			closed = true;
			flush();
		},
		stop,
	};
}
