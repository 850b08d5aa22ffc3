import fs from 'node:fs';
import {decodeFile} from '../file/decode.js';
import type {StateFile} from '../file/state-file.js';
import {takeJournals} from '../journal.js';
import {runAtOnce} from '../slices.js';
import type {StoredState} from '../state/stored-state.js';
import {type MergeOptions, mergeSteps} from './merge.js';

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
export function compactLocked(file: StateFile, dir: string, options: MergeOptions & {known?: KnownFile}): CompactionResult {
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

	const merged = runAtOnce(mergeSteps(state, journals, options));
	foreign ||= merged.foreign;
	file.write(state);
	const identity = fileIdentity(file.path);
	for (const journal of journals) fs.rmSync(journal, {force: true});
	return {known: {state, identity}, foreign, pruned: merged.pruned, ...(notice === undefined ? {} : {notice})};
}
