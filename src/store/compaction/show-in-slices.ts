import type {MemoryView} from '../memory-view.js';
import type {Slicer} from '../slices.js';
import {applyChange, type Change} from '../state/change.js';
import {copyInSteps} from '../state/stored-state.js';
import type {CompactionResult} from './compact-locked.js';

/** The ids that `changes` mark read. */
function markedRead(changes: readonly Change[]): Set<string> {
	const ids = new Set<string>();
	for (const change of changes) {
		if (change.op === 'read') ids.add(change.id);
		else if (change.op === 'read-many') for (const id of change.ids) ids.add(id);
	}

	return ids;
}

/**
 * Brings the view in line with what a save in the background wrote, without holding the event loop:
 * when other instances' changes went in, the view becomes a copy of the merged state made in slices;
 * otherwise only the pruned read marks go. Either way the changes this instance made while the save
 * ran (`madeMeanwhile`, in the journal for the next save) stay on screen.
 */
export async function showInSlices(
	view: MemoryView,
	result: CompactionResult,
	madeMeanwhile: readonly Change[],
	slicer: Slicer,
): Promise<void> {
	if (!result.foreign) {
		const readAgain = markedRead(madeMeanwhile);
		view.forgetReadMarks(result.pruned.filter(id => !readAgain.has(id)));
		return;
	}

	const copy = await slicer.run(copyInSteps(result.known.state));
	// Nothing is awaited from here on, so no change can come between these and the view taking the copy.
	for (const change of madeMeanwhile) applyChange(copy, change);
	view.adopt(copy);
}
