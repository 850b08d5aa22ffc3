import type {Article} from '../core/articles/article.js';
import {compactLocked, SEEN_RESOLUTION_MS, type KnownFile} from './compaction.js';
import {appendOp, type JournalOp} from './journal.js';
import {createMemoryStore, type MemoryState} from './memory-store.js';
import {describeError, fillMemoryState} from './memory-view.js';
import {NewerSchemaError} from './migrations.js';
import type {StateFile} from './state-file.js';
import {acquireLock} from './state-lock.js';
import type {StoredState} from './stored-state.js';
import type {ReaderStore} from './types.js';

// Durability vs speed: every change is appended to the journal (one small line, O(1) whatever the
// store's size) before the call returns, so a crash or kill -9 loses at most the change in flight.
// The state file is only rewritten by compaction, which merges the journals of every instance into
// it: on flush()/close(), and from a timer once changes stop for `compactWhenIdleMs` (or at the
// latest `compactAtLeastEveryMs` after the first pending change). Reads answer from memory only.

export type PersistentStoreSetup = {
	dir: string;
	file: StateFile;
	/** The file as read at open (identity null: recovered contents the next compaction must write). */
	known: KnownFile;
	/** The file's contents with every journal replayed: what the user sees. */
	memory: MemoryState;
	/** The journals hold ops (e.g. left by a crashed instance) or the file needs rewriting. */
	needsCompaction: boolean;
	notices: string[];
	now: () => number;
	compactWhenIdleMs: number;
	compactAtLeastEveryMs: number;
};

const FLUSH_LOCK_WAIT_MS = 3000;

export function createPersistentStore(setup: PersistentStoreSetup): ReaderStore {
	const {dir, file, now, notices, memory} = setup;
	const instance = `${process.pid.toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
	/** The file as this instance last read or wrote it; undefined after a failed write (read it again). */
	let known: KnownFile | undefined = setup.known;
	/** "Last seen in a feed" times noted since the last compaction. */
	let seenNotes = new Map<string, number>();
	// Read marks are pruned only after this instance has been told which articles its feeds hold.
	let feedsSeen = false;
	/** The one timestamp of the action in progress, shared by its journal op and the memory view. */
	let actionTime = 0;
	const view = createMemoryStore(memory, {path: file.path, notices, now: () => actionTime});
	const mergeListeners = new Set<() => void>();
	let mergedVersions = 0;
	let pending = setup.needsCompaction;
	/** False once saving became impossible; the store then goes on in memory only. */
	let saving = true;
	let closed = false;
	let idleTimer: NodeJS.Timeout | undefined;
	let deadlineTimer: NodeJS.Timeout | undefined;

	const changed = () => {
		mergedVersions++;
		for (const listener of mergeListeners) listener();
	};

	/** Notices can appear later (a failed save); subscribers are told so the UI can show them. */
	const addNotice = (line: string) => {
		if (notices.includes(line)) return;
		notices.push(line);
		changed();
	};

	function sameAsMemory(state: StoredState): boolean {
		if (state.read.size !== memory.read.size || state.bookmarks.size !== memory.bookmarks.size) return false;
		for (const [id, mark] of state.read) if (memory.read.get(id) !== mark.at) return false;
		for (const [id, snapshot] of state.bookmarks) if (memory.bookmarks.get(id)?.savedAt !== snapshot.savedAt) return false;
		return true;
	}

	/** Makes the memory view match merged state that holds other instances' changes. */
	function adopt(state: StoredState): void {
		if (sameAsMemory(state)) return;
		fillMemoryState(memory, state);
		changed();
	}

	function cancelTimers(): void {
		clearTimeout(idleTimer);
		clearTimeout(deadlineTimer);
		idleTimer = undefined;
		deadlineTimer = undefined;
	}

	/** Returns false only when the lock stayed busy, so the caller may try again later. */
	function compact(lockWaitMs: number): boolean {
		if (!saving) return true;
		let release: (() => void) | undefined;
		try {
			release = acquireLock(dir, lockWaitMs);
		} catch (error) {
			addNotice(`could not save ${file.path}: ${describeError(error)}; changes are kept in the journal for next time`);
			return true;
		}

		if (!release) return false;
		try {
			const result = compactLocked(file, dir, {...(known ? {known} : {}), instance, seenNotes, now: now(), prune: feedsSeen});
			known = result.known;
			seenNotes = new Map();
			pending = false;
			if (result.notice) addNotice(result.notice);
			if (result.foreign) {
				adopt(result.known.state);
			} else if (result.pruned.length > 0) {
				for (const id of result.pruned) memory.read.delete(id);
				changed();
			}
		} catch (error) {
			// The decoded file may have been modified before the write failed: read it again next time.
			known = undefined;
			if (error instanceof NewerSchemaError) {
				saving = false;
				addNotice(`${file.path} was changed by a newer flashnews (${error.message}); changes will not be saved`);
			} else {
				addNotice(`could not save ${file.path}: ${describeError(error)}; changes are kept in the journal for next time`);
			}
		} finally {
			release();
		}

		return true;
	}

	function compactOnTimer(): void {
		cancelTimers();
		if (!pending) return;
		if (!compact(0)) schedule();
	}

	function schedule(): void {
		if (closed || !saving) return;
		clearTimeout(idleTimer);
		idleTimer = setTimeout(compactOnTimer, setup.compactWhenIdleMs).unref();
		deadlineTimer ??= setTimeout(compactOnTimer, setup.compactAtLeastEveryMs).unref();
	}

	function record(op: JournalOp): void {
		if (!saving) return;
		try {
			appendOp(dir, {...op, by: instance});
		} catch (error) {
			saving = false;
			cancelTimers();
			addNotice(`could not save changes to ${dir}: ${describeError(error)}; changes will not be saved`);
			return;
		}

		pending = true;
		schedule();
	}

	function flush(): void {
		cancelTimers();
		if (!pending) return;
		// Nothing is lost when the lock stays busy: the changes are in the journal already.
		if (!compact(FLUSH_LOCK_WAIT_MS)) schedule();
	}

	if (pending) schedule();

	return {
		path: file.path,
		notices,
		isRead: view.isRead,
		isBookmarked: view.isBookmarked,
		bookmarks: view.bookmarks,
		setRead(id: string, read: boolean) {
			if (read === view.isRead(id)) return;
			actionTime = now();
			record(read ? {op: 'read', id, at: actionTime} : {op: 'unread', id});
			view.setRead(id, read);
		},
		// Stand-in for the store branch's setReadMany (one journal line per batch), to be replaced by it
		// at merge: one journal line per id here, and one notification for the batch.
		setReadMany(ids: readonly string[], read: boolean) {
			actionTime = now();
			const changedIds = ids.filter(id => read !== view.isRead(id));
			for (const id of changedIds) record(read ? {op: 'read', id, at: actionTime} : {op: 'unread', id});
			return view.setReadMany(changedIds, read);
		},
		setBookmark(article: Article, bookmarked: boolean) {
			if (bookmarked === view.isBookmarked(article.id)) return;
			actionTime = now();
			record(bookmarked ? {op: 'bookmark', snapshot: {...article, savedAt: actionTime}} : {op: 'unbookmark', id: article.id});
			view.setBookmark(article, bookmarked);
		},
		version: () => view.version() + mergedVersions,
		subscribe(listener) {
			const unsubscribe = view.subscribe(listener);
			mergeListeners.add(listener);
			return () => {
				unsubscribe();
				mergeListeners.delete(listener);
			};
		},
		noteSeen(ids) {
			feedsSeen = true;
			const time = now();
			let moved = false;
			for (const id of ids) {
				const readAt = memory.read.get(id);
				if (readAt === undefined) continue;
				const persisted = known?.state.read.get(id)?.seen ?? readAt;
				if (time - Math.max(persisted, seenNotes.get(id) ?? 0) >= SEEN_RESOLUTION_MS) {
					seenNotes.set(id, time);
					moved = true;
				}
			}

			if (moved) {
				pending = true;
				schedule();
			}
		},
		flush,
		close() {
			closed = true;
			flush();
		},
	};
}
