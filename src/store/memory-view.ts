import type {JournalOp} from './journal.js';
import type {MemoryState} from './memory-store.js';
import type {StoredState} from './stored-state.js';

// The in-memory view keeps only what rendering asks (is it read, is it saved); the stored state
// also keeps when each article was last seen. These bring the view in line with the stored state.

/** Replaces the view's contents with `state`'s. */
export function fillMemoryState(memory: MemoryState, state: StoredState): MemoryState {
	memory.read.clear();
	for (const [id, mark] of state.read) memory.read.set(id, mark.at);
	memory.bookmarks.clear();
	for (const [id, snapshot] of state.bookmarks) memory.bookmarks.set(id, snapshot);
	return memory;
}

/** One journal entry applied to the view, as `applyOp` applies it to the stored state. */
export function applyOpToMemory(memory: MemoryState, op: JournalOp): void {
	if (op.op === 'read') memory.read.set(op.id, op.at);
	else if (op.op === 'unread') memory.read.delete(op.id);
	else if (op.op === 'bookmark') memory.bookmarks.set(op.snapshot.id, op.snapshot);
	else memory.bookmarks.delete(op.id);
}

/** An error's message for a one-line notice. */
export function describeError(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
