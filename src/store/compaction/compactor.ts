import fs from 'node:fs';
import {describeError} from '../describe-error.js';
import {NewerSchemaError} from '../file/migrate.js';
import type {StateFile} from '../file/state-file.js';
import {journalFiles} from '../journal.js';
import type {MemoryView} from '../memory-view.js';
import {createSlicer, SaveCancelled} from '../slices.js';
import type {Change} from '../state/change.js';
import {SEEN_RESOLUTION_MS} from '../state/read-marks.js';
import {acquireLock, type HeldLock, lockNotice, REFRESH_LOCK_EVERY_MS} from '../state-lock.js';
import {compactInSlices} from './compact-in-slices.js';
import {type CompactionResult, compactLocked, type KnownFile} from './compact-locked.js';
import {showInSlices} from './show-in-slices.js';

/**
 * How one attempt went: `busy` when the lock stayed taken (try again later), `stopped` when this
 * instance must never write again, `cancelled` when a save in the background was stopped half-way
 * (the journals still hold everything).
 */
export type CompactionOutcome = 'done' | 'failed' | 'busy' | 'stopped' | 'cancelled';

export type Compactor = {
	/** Notes which articles the loaded feeds hold; true when that is worth a rewrite of the file. */
	noteSeen(ids: Iterable<string>): boolean;
	/** A change this instance just made: a save under way must keep showing it. */
	recorded(change: Change): void;
	/** The state file is small enough that saving it at once is only a moment's wait. */
	isSmall(): boolean;
	/**
	 * The journals have grown past their bound: quitting must not leave them for the next run (runs
	 * too short for a save in the background, again and again, would let them grow without end).
	 */
	journalsOverBound(): boolean;
	/** Takes the lock (waiting up to `lockWaitMs`), folds every journal into the file, and brings the view in line, all at once. */
	compact(lockWaitMs: number): CompactionOutcome;
	/**
	 * The same in the background, in slices: the outcome at once when the lock could not be taken,
	 * else a promise of it. One at a time.
	 */
	compactInBackground(): CompactionOutcome | Promise<CompactionOutcome>;
	/** Stops a save in the background at once (its lock released); nothing is lost. */
	cancel(): void;
};

/** Saving a state file up to this size at once is only a moment's wait (about 50,000 read marks). */
const SMALL_STATE_BYTES = 4 * 1024 * 1024;

function sizeOf(file: string): number {
	try {
		return fs.statSync(file).size;
	} catch {
		return 0;
	}
}

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
	/** Journals larger than this together are folded in at once by close(), whatever the size of the state. */
	journalLimitBytes: number;
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
	/** The save in the background, if one is under way, and the changes made since it began. */
	let running: {cancel(): void; madeMeanwhile: Change[]} | undefined;
	const couldNotSave = (error: unknown) =>
		`could not save ${file.path}: ${describeError(error)}; changes are kept in the journal for next time`;

	function takeLock(lockWaitMs: number): HeldLock | CompactionOutcome {
		let lock: ReturnType<typeof acquireLock>;
		try {
			lock = acquireLock(dir, lockWaitMs);
		} catch (error) {
			view.addNotice(couldNotSave(error));
			return 'failed';
		}

		if ('release' in lock) return lock;
		// A live flashnews here holds it (compacting): it folds our journal in too, or the next one will.
		if (!lock.local && !lockReported) view.addNotice(lockNotice(dir, lock));
		lockReported ||= !lock.local;
		return 'busy';
	}

	/** The notes handed to a compaction are kept for the next one if it fails. */
	function takeNotes(): Map<string, number> {
		const notes = seenNotes;
		seenNotes = new Map();
		return notes;
	}

	function failed(error: unknown, notes: ReadonlyMap<string, number>): CompactionOutcome {
		// The decoded file may have been modified before the write failed: read it again next time.
		known = undefined;
		for (const [id, seen] of notes) seenNotes.set(id, Math.max(seen, seenNotes.get(id) ?? 0));
		if (error instanceof NewerSchemaError) {
			view.addNotice(`${file.path} was changed by a newer flashnews (${error.message}); changes will not be saved`);
			return 'stopped';
		}

		view.addNotice(couldNotSave(error));
		return 'failed';
	}

	const saved = (result: CompactionResult) => {
		known = result.known;
		if (result.notice) view.addNotice(result.notice);
	};

	function cancel(): void {
		running?.cancel();
		running = undefined;
	}

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
		recorded(change) {
			running?.madeMeanwhile.push(change);
		},
		isSmall: () => sizeOf(file.path) <= SMALL_STATE_BYTES,
		journalsOverBound: () => journalFiles(dir).reduce((total, journal) => total + sizeOf(journal), 0) > setup.journalLimitBytes,
		compact(lockWaitMs) {
			cancel();
			const lock = takeLock(lockWaitMs);
			if (typeof lock === 'string') return lock;
			const notes = takeNotes();
			try {
				const result = compactLocked(file, dir, {...(known ? {known} : {}), instance, seenNotes: notes, now: now(), prune: feedsSeen});
				saved(result);
				if (result.foreign) view.replace(result.known.state);
				else view.forgetReadMarks(result.pruned);
				return 'done';
			} catch (error) {
				return failed(error, notes);
			} finally {
				lock.release();
			}
		},
		compactInBackground() {
			if (running) throw new Error('a save is already under way');
			const lock = takeLock(0);
			if (typeof lock === 'string') return lock;
			const notes = takeNotes();
			let refreshedAt = Date.now();
			const slicer = createSlicer(() => {
				if (Date.now() - refreshedAt < REFRESH_LOCK_EVERY_MS) return;
				refreshedAt = Date.now();
				lock.refresh();
			});
			const madeMeanwhile: Change[] = [];
			const options = {
				...(known ? {known} : {}),
				instance,
				seenNotes: notes,
				now: now(),
				prune: feedsSeen,
				slicer,
				stillLocked: () => lock.isHeld(),
			};
			const under = {
				madeMeanwhile,
				cancel() {
					slicer.cancel();
					lock.release();
					// The state it was merging may be half-changed, and the view may not show the file yet.
					known = undefined;
					for (const [id, seen] of notes) seenNotes.set(id, Math.max(seen, seenNotes.get(id) ?? 0));
				},
			};
			running = under;
			const finish = async (): Promise<CompactionOutcome> => {
				try {
					const result = await compactInSlices(file, dir, options);
					lock.release();
					// Cancelled just now: the file is written, but the view must be brought in line next time.
					slicer.check();
					saved(result);
					await showInSlices(view, result, madeMeanwhile, slicer);
					return 'done';
				} catch (error) {
					lock.release();
					return error instanceof SaveCancelled || slicer.cancelled ? 'cancelled' : failed(error, notes);
				} finally {
					if (running === under) running = undefined;
				}
			};

			return finish();
		},
		cancel,
	};
}
