import {readChanges} from '../journal.js';
import type {Steps} from '../slices.js';
import {applyChange} from '../state/change.js';
import {markSeen, pruneReadMarks} from '../state/read-marks.js';
import type {StoredState} from '../state/stored-state.js';

export type MergeOptions = {
	/** This instance's tag: changes by anyone else mean the view must be rebuilt. */
	instance: string;
	/** "Last seen in a feed" times noted since the last compaction. */
	seenNotes: ReadonlyMap<string, number>;
	now: number;
	/** Only once the feeds have loaded: before that, every mark would look unseen. */
	prune: boolean;
};

/**
 * What a compaction does to the state between reading and writing it: every taken journal's
 * changes (oldest first), the noted "last seen" times, then pruning. In steps, so that a save in the
 * background can run it in slices (see slices.ts).
 */
export function* mergeSteps(
	state: StoredState,
	journals: readonly string[],
	options: MergeOptions,
): Steps<{foreign: boolean; pruned: string[]}> {
	let foreign = false;
	for (const journal of journals) {
		for (const change of readChanges(journal)) {
			applyChange(state, change);
			if (change.by !== options.instance) foreign = true;
			yield;
		}
	}

	for (const [id, seen] of options.seenNotes) {
		markSeen(state, id, seen);
		yield;
	}

	const pruned = options.prune ? yield* pruneReadMarks(state, options.now) : [];
	return {foreign, pruned};
}
