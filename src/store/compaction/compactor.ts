import {describeError} from '../describe-error.js';
import {NewerSchemaError} from '../file/migrate.js';
import type {StateFile} from '../file/state-file.js';
import type {MemoryView} from '../memory-view.js';
import {SEEN_RESOLUTION_MS} from '../state/read-marks.js';
import {acquireLock, type LockAttempt, lockNotice} from '../state-lock.js';
import {compactLocked, type KnownFile} from './compact-locked.js';

/** How one attempt went: `busy` when the lock stayed taken (try again later), `stopped` when this instance must never write again. */
export type CompactionOutcome = 'done' | 'failed' | 'busy' | 'stopped';

export type Compactor = {
	/** Notes which articles the loaded feeds hold; true when that is worth a rewrite of the file. */
	noteSeen(ids: Iterable<string>): boolean;
	/** Takes the lock (waiting up to `lockWaitMs`), folds every journal into the file, and brings the view in line. */
	compact(lockWaitMs: number): CompactionOutcome;
};

/**
 * This instance's side of compaction: what it knows of the file, the "last seen" times it noted
 * since, and what a compaction's result means for the view and the notices. When to compact is the
 * scheduler's business (scheduler.ts).
 */
export function createCompactor(setup: {
	dir: string;
	file: StateFile;
	view: MemoryView;
	/** The file as read at open (identity null: recovered contents the next compaction must write). */
	known: KnownFile;
	/** Tags this instance's journal entries. */
	instance: string;
	/** Opening already told the user about the lock. */
	lockReported: boolean;
	now: () => number;
}): Compactor {
	const {dir, file, view, instance, now} = setup;
	/** The file as this instance last read or wrote it; undefined after a failed write (read it again). */
	let known: KnownFile | undefined = setup.known;
	/** "Last seen in a feed" times noted since the last compaction. */
	let seenNotes = new Map<string, number>();
	// Read marks are pruned only after this instance has been told which articles its feeds hold.
	let feedsSeen = false;
	/** A lock nothing may release is reported once, however often compaction finds it. */
	let lockReported = setup.lockReported;
	const couldNotSave = (error: unknown) =>
		`could not save ${file.path}: ${describeError(error)}; changes are kept in the journal for next time`;

	return {
		noteSeen(ids) {
			feedsSeen = true;
			const time = now();
			let moved = false;
			for (const id of ids) {
				const mark = view.readMark(id);
				if (mark === undefined) continue;
				const persisted = known?.state.read.get(id)?.seen ?? mark.at;
				if (time - Math.max(persisted, seenNotes.get(id) ?? 0) >= SEEN_RESOLUTION_MS) {
					seenNotes.set(id, time);
					moved = true;
				}
			}

			return moved;
		},
		compact(lockWaitMs) {
			let lock: LockAttempt;
			try {
				lock = acquireLock(dir, lockWaitMs);
			} catch (error) {
				view.addNotice(couldNotSave(error));
				return 'failed';
			}

			if (!('release' in lock)) {
				// A live flashnews here holds it (compacting): it folds our journal in too, or the next one will.
				if (!lock.local && !lockReported) view.addNotice(lockNotice(dir, lock));
				lockReported ||= !lock.local;
				return 'busy';
			}

			try {
				const result = compactLocked(file, dir, {...(known ? {known} : {}), instance, seenNotes, now: now(), prune: feedsSeen});
				known = result.known;
				seenNotes = new Map();
				if (result.notice) view.addNotice(result.notice);
				if (result.foreign) view.replace(result.known.state);
				else view.forgetReadMarks(result.pruned);
				return 'done';
			} catch (error) {
				// The decoded file may have been modified before the write failed: read it again next time.
				known = undefined;
				if (error instanceof NewerSchemaError) {
					view.addNotice(`${file.path} was changed by a newer flashnews (${error.message}); changes will not be saved`);
					return 'stopped';
				}

				view.addNotice(couldNotSave(error));
				return 'failed';
			} finally {
				lock.release();
			}
		},
	};
}
