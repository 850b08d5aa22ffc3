import fs from 'node:fs';
import {applyOp, readOps, takeJournals} from './journal.js';
import {loadState} from './load-state.js';
import {CURRENT_SCHEMA_VERSION} from './migrations.js';
import type {StateFile} from './state-file.js';
import {encodeState, type StoredState} from './stored-state.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Read marks of articles that no loaded feed has contained for this long are dropped: the ids of
 * articles long gone from every feed would otherwise pile up forever. Bookmarks are never pruned.
 */
export const PRUNE_READ_AFTER_MS = 90 * DAY_MS;

/** "Last seen" times are only worth a rewrite of the file once they moved by this much. */
export const SEEN_RESOLUTION_MS = DAY_MS;

export function pruneReadMarks(state: StoredState, now: number): string[] {
	const pruned: string[] = [];
	for (const [id, mark] of state.read) {
		if (now - Math.max(mark.at, mark.seen) > PRUNE_READ_AFTER_MS) pruned.push(id);
	}

	for (const id of pruned) state.read.delete(id);
	return pruned;
}

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
 * The file is rewritten as "what the file holds now + the journal ops", never from this instance's
 * memory, so changes other instances made since this one opened are kept. The live journal is
 * renamed aside first, so appends made meanwhile go to a fresh journal and are merged next time;
 * the taken journals are deleted only after the new file is safely in place. If anything fails on
 * the way they stay, and the next open or compaction replays them (ops are idempotent).
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
		({state, notice} = loadState(file.path, file.read(), options.now));
		foreign = true;
	}

	for (const journal of journals) {
		for (const op of readOps(journal)) {
			applyOp(state, op);
			if (op.by !== options.instance) foreign = true;
		}
	}

	for (const [id, seen] of options.seenNotes) {
		const mark = state.read.get(id);
		if (mark && seen > mark.seen) state.read.set(id, {at: mark.at, seen});
	}

	const pruned = options.prune ? pruneReadMarks(state, options.now) : [];
	file.write(encodeState(state, CURRENT_SCHEMA_VERSION));
	const identity = fileIdentity(file.path);
	for (const journal of journals) fs.rmSync(journal, {force: true});
	return {known: {state, identity}, foreign, pruned, ...(notice === undefined ? {} : {notice})};
}
