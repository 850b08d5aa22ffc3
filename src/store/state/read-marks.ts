import {isPlainObject, isTime} from './json-checks.js';
import type {StoredState} from './stored-state.js';

// Everything a read mark is: how it is kept, how a change writes it (the memory view, a journal
// replay and a compaction all go through applyReadChange), how "last seen in a feed" moves, and
// when an old mark is pruned.

/** One read mark. */
export type ReadMark = {
	/** When the article was marked read (epoch ms). */
	at: number;
	/** When the article was last in a loaded feed (epoch ms); read marks not seen for long are pruned. */
	seen: number;
};

export type ReadChange =
	| {op: 'read'; id: string; at: number}
	| {op: 'unread'; id: string}
	// "Mark all in view read" and its undo: one journal line for the whole batch.
	| {op: 'read-many'; ids: string[]; at: number}
	| {op: 'unread-many'; ids: string[]};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Read marks of articles that no loaded feed has contained for this long are dropped: the ids of
 * articles long gone from every feed would otherwise pile up forever. Bookmarks are never pruned.
 */
export const PRUNE_READ_AFTER_MS = 90 * DAY_MS;

/** "Last seen" times are only worth a rewrite of the file once they moved by this much. */
export const SEEN_RESOLUTION_MS = DAY_MS;

function markRead(state: StoredState, id: string, at: number): void {
	const seen = state.read.get(id)?.seen ?? 0;
	state.read.set(id, {at, seen: Math.max(seen, at)});
}

export function applyReadChange(state: StoredState, change: ReadChange): void {
	switch (change.op) {
		case 'read': {
			markRead(state, change.id, change.at);
			break;
		}

		case 'unread': {
			state.read.delete(change.id);
			break;
		}

		case 'read-many': {
			for (const id of change.ids) markRead(state, id, change.at);
			break;
		}

		case 'unread-many': {
			deleteReadMarks(state, change.ids);
			break;
		}
	}
}

/** Moves a mark's "last seen" time forward (never back); an id without a mark is left alone. */
export function markSeen(state: StoredState, id: string, seen: number): void {
	const mark = state.read.get(id);
	if (mark && seen > mark.seen) state.read.set(id, {at: mark.at, seen});
}

/** Drops the marks not seen for PRUNE_READ_AFTER_MS and returns their ids; yields after each mark looked at. */
export function* pruneReadMarks(state: StoredState, now: number): Generator<void, string[], undefined> {
	const pruned: string[] = [];
	for (const [id, mark] of state.read) {
		if (now - Math.max(mark.at, mark.seen) > PRUNE_READ_AFTER_MS) pruned.push(id);
		yield;
	}

	deleteReadMarks(state, pruned);
	return pruned;
}

export function deleteReadMarks(state: StoredState, ids: Iterable<string>): void {
	for (const id of ids) state.read.delete(id);
}

/** A read mark read back from the file; undefined when it is not one. */
export function toReadMark(value: unknown): ReadMark | undefined {
	if (!isPlainObject(value) || !isTime(value.at)) return undefined;
	// The usual case keeps the parsed object: one allocation less per read id on every open.
	if (isTime(value.seen) && value.seen >= value.at) return value as ReadMark;
	return {at: value.at, seen: isTime(value.seen) ? Math.max(value.seen, value.at) : value.at};
}

/** A read change read back from the journal; undefined when it is not one. */
export function toReadChange(value: Record<string, unknown>): ReadChange | undefined {
	if (value.op === 'read-many' || value.op === 'unread-many') {
		if (!Array.isArray(value.ids)) return undefined;
		const ids = value.ids.filter((id): id is string => typeof id === 'string');
		if (value.op === 'unread-many') return {op: 'unread-many', ids};
		return typeof value.at === 'number' ? {op: 'read-many', ids, at: value.at} : undefined;
	}

	if (typeof value.id !== 'string') return undefined;
	if (value.op === 'read' && typeof value.at === 'number') return {op: 'read', id: value.id, at: value.at};
	if (value.op === 'unread') return {op: 'unread', id: value.id};
	return undefined;
}
