import fs from 'node:fs';
import {decodeFile} from '../file/decode.js';
import type {StateFile} from '../file/state-file.js';
import {readChanges, takeJournals} from '../journal.js';
import {applyChange} from '../state/change.js';
import {markSeen, pruneReadMarks} from '../state/read-marks.js';
import type {StoredState} from '../state/stored-state.js';

/** The state file as this instance last read or wrote it. */
export type KnownFile = {
	state: StoredState;
	/** fileIdentity() of the file at that moment. */
	identity: string;
};

/** Changes whenever the file is replaced (conf writes through rename) or edited in place. */
export function fileIdentity(file: string): string {
	try {
		const stats = fs.statSync(file);
		return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
	} catch {
		return 'missing';
	}
}

export type CompactionResult = {
	known: KnownFile;
	/** Something besides this instance's own changes went in: the memory view must be rebuilt. */
	foreign: boolean;
	/** Read marks dropped by pruning. */
	pruned: string[];
	notice?: string;
};

/**
 * Folds every instance's journal into the state file. Call with the state lock held.
 *
 * The file is rewritten as "what the file holds now + the journals' changes", never from this
 * instance's memory, so changes other instances made since this one opened are kept. The live journal is
 * renamed aside first, so appends made meanwhile go to a fresh journal and are merged next time;
 * the taken journals are deleted only after the new file is safely in place. If anything fails on
 * the way they stay, and the next open or compaction replays them (changes are idempotent).
 *
 * When the file is still the one this instance last wrote, its decoded state is reused (and
 * modified) instead of being read and parsed again: then a compaction costs one serialization and
 * one write. `seenNotes` are "last seen in a feed" times this instance noted since.
 */
export function compactLocked(
	file: StateFile,
	dir: string,
	options: {
		known?: KnownFile;
		instance: string;
		seenNotes: ReadonlyMap<string, number>;
		now: number;
		/** Only once the feeds have loaded: before that, every mark would look unseen. */
		prune: boolean;
	},
): CompactionResult {
	const journals = takeJournals(dir);
	const {known} = options;
	let state: StoredState;
	let foreign = false;
	let notice: string | undefined;
	if (known && known.identity === fileIdentity(file.path)) {
		state = known.state;
	} else {
		({state, notice} = decodeFile(file.path, file.read(), options.now));
		foreign = true;
	}

	for (const journal of journals) {
		for (const change of readChanges(journal)) {
			applyChange(state, change);
			if (change.by !== options.instance) foreign = true;
		}
	}

	for (const [id, seen] of options.seenNotes) markSeen(state, id, seen);

	const pruned = options.prune ? pruneReadMarks(state, options.now) : [];
	file.write(state);
	const identity = fileIdentity(file.path);
	for (const journal of journals) fs.rmSync(journal, {force: true});
	return {known: {state, identity}, foreign, pruned, ...(notice === undefined ? {} : {notice})};
}
