import fs from 'node:fs';
import {decodeFile} from '../file/decode.js';
import {encodeState, stateTextPieces} from '../file/encode.js';
import {readStateInSlices} from '../file/read-in-slices.js';
import type {StateFile} from '../file/state-file.js';
import {writeStateInSlices} from '../file/write-in-slices.js';
import {takeJournals} from '../journal.js';
import type {Slicer} from '../slices.js';
import {type CompactionResult, fileIdentity, type KnownFile} from './compact-locked.js';
import {type MergeOptions, mergeSteps} from './merge.js';

/**
 * compactLocked() for a save in the background: the same steps (journals taken aside, the file as
 * known or read again, merged, written, journals removed), each run in slices by `slicer` so the
 * event loop is never held long, whatever the size of the state. Call with the state lock held
 * (and kept fresh by the slicer's pauses).
 *
 * Cancelled (SaveCancelled thrown), it stops at the next pause: the state file is then either the
 * old one or the new one, complete, and the taken journals are still there for the next compaction.
 * `known.state` may have been changed on the way either way: the caller must not trust it after a
 * failure.
 */
export async function compactInSlices(
	file: StateFile,
	dir: string,
	options: MergeOptions & {known?: KnownFile; slicer: Slicer; stillLocked?: () => boolean},
): Promise<CompactionResult> {
	const {known, slicer} = options;
	const journals = takeJournals(dir);
	let decoded: {state: KnownFile['state']; notice?: string};
	let foreign = false;
	if (known && known.identity === fileIdentity(file.path)) {
		decoded = known;
	} else {
		// A file not in the shape written here (hand-edited, older, damaged) is read whole, as at open.
		decoded = (await readStateInSlices(file.path, slicer)) ?? decodeFile(file.path, file.read(), options.now);
		foreign = true;
	}

	const {state, notice} = decoded;
	const merged = await slicer.run(mergeSteps(state, journals, options));
	await writeStateInSlices(file.path, stateTextPieces(encodeState(state)), slicer, options.stillLocked);
	// The taken journals are in the file now in place: removing them is safe from here on.
	const identity = fileIdentity(file.path);
	for (const journal of journals) fs.rmSync(journal, {force: true});
	return {known: {state, identity}, foreign: foreign || merged.foreign, pruned: merged.pruned, ...(notice === undefined ? {} : {notice})};
}
