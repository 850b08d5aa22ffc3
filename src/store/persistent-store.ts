import type {KnownFile} from './compaction/compact-locked.js';
import {type CompactionOutcome, createCompactor} from './compaction/compactor.js';
import {createCompactionScheduler} from './compaction/scheduler.js';
import {describeError} from './describe-error.js';
import type {StateFile} from './file/state-file.js';
import {appendChange} from './journal.js';
import {createMemoryView} from './memory-view.js';
import {createReaderStore, type Persistence} from './reader-store.js';
import type {StoredState} from './state/stored-state.js';
import type {ReaderStore} from './types.js';

export type PersistentStoreSetup = {
	dir: string;
	file: StateFile;
	/** The file as read at open. */
	known: KnownFile;
	/** The file's contents with every journal replayed: what the user sees. Becomes the view's own. */
	shown: StoredState;
	/** The journals hold changes (e.g. left by a crashed instance) or the file needs rewriting. */
	needsCompaction: boolean;
	notices: string[];
	now: () => number;
	compactWhenIdleMs: number;
	compactAtLeastEveryMs: number;
	/** Bytes this instance may leave in the journal while compaction cannot run. */
	journalLimitBytes: number;
	/** Opening already told the user that the lock is held by something that may never let go. */
	lockReported: boolean;
};

/**
 * The store backed by the journal and the state file: each change is appended to the journal before
 * the call returns; compaction/ folds the journals into the file later.
 */
export function createPersistentStore(setup: PersistentStoreSetup): ReaderStore {
	const {dir, file, now} = setup;
	const instance = `${process.pid.toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
	const view = createMemoryView(setup.shown, setup.notices);
	const compactor = createCompactor({
		dir,
		file,
		view,
		known: setup.known,
		instance,
		now,
		lockReported: setup.lockReported,
		journalLimitBytes: setup.journalLimitBytes,
	});
	/** False once saving became impossible; the store then goes on in memory only. */
	let saving = true;
	/** What this instance appended to the journal since its last compaction. */
	let unsavedBytes = 0;
	// What the journal held when a compaction took it is in the file once that compaction is done.
	const folded = (outcome: CompactionOutcome, appendedBefore: number) => {
		if (outcome === 'stopped') saving = false;
		if (outcome === 'done') unsavedBytes = Math.max(0, unsavedBytes - appendedBefore);
		return outcome;
	};
	const scheduler = createCompactionScheduler({
		compact: lockWaitMs => folded(compactor.compact(lockWaitMs), unsavedBytes),
		compactInBackground() {
			const appendedBefore = unsavedBytes;
			const started = compactor.compactInBackground();
			return typeof started === 'string' ? folded(started, appendedBefore) : started.then(outcome => folded(outcome, appendedBefore));
		},
		cancelBackground: compactor.cancel,
		isSmall: compactor.isSmall,
		journalsOverBound: compactor.journalsOverBound,
		pending: setup.needsCompaction,
		whenIdleMs: setup.compactWhenIdleMs,
		atLeastEveryMs: setup.compactAtLeastEveryMs,
	});

	const stopSaving = (reason: string) => {
		saving = false;
		scheduler.stop();
		view.addNotice(`could not save changes to ${dir}: ${reason}; changes will not be saved`);
	};

	const persistence: Persistence = {
		record(change) {
			if (!saving) return;
			try {
				unsavedBytes += appendChange(dir, {...change, by: instance});
			} catch (error) {
				stopSaving(describeError(error));
				return;
			}

			compactor.recorded(change);
			scheduler.changed();
			// While the lock stays taken nothing folds the journal in: it must not grow without end.
			if (unsavedBytes > setup.journalLimitBytes && !scheduler.compactNow()) {
				stopSaving(`the journal holds ${Math.round(unsavedBytes / 1024)} KB that could not be folded into the state file`);
			}
		},
		noteSeen(ids) {
			if (compactor.noteSeen(ids)) scheduler.changed();
		},
		flush: scheduler.flush,
		close: scheduler.close,
	};

	return createReaderStore(view, persistence, {path: file.path, now});
}
