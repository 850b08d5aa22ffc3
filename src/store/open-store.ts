import fs from 'node:fs';
import path from 'node:path';
import {compactLocked, fileIdentity, type KnownFile} from './compaction.js';
import {journalFiles, readOps} from './journal.js';
import {loadState} from './load-state.js';
import {createMemoryStore, emptyState, type MemoryState} from './memory-store.js';
import {applyOpToMemory, describeError, fillMemoryState} from './memory-view.js';
import {NewerSchemaError} from './migrations.js';
import {createPersistentStore} from './persistent-store.js';
import {defaultConfigDir, openStateFile, type FileContent, type StateFile} from './state-file.js';
import {acquireLock} from './state-lock.js';
import {decodeState, isPlainObject, type StoredState} from './stored-state.js';
import type {ReaderStore} from './types.js';

export {PRUNE_READ_AFTER_MS} from './compaction.js';

export type OpenStoreOptions = {
	/** Directory for config.json and its journal (`--config-dir` / FLASHNEWS_CONFIG_DIR); default: the XDG config dir. */
	configDir?: string;
	now?: () => number;
	/** Compaction runs once no change came for this long. Default 2 s. */
	compactWhenIdleMs?: number;
	/** ...or at the latest this long after the first change it has not written. Default 20 s. */
	compactAtLeastEveryMs?: number;
};

/** How long opening waits for another instance's compaction before reading without the lock. */
const OPEN_LOCK_WAIT_MS = 2000;

function toMemoryState(state: StoredState): MemoryState {
	return fillMemoryState(emptyState(), state);
}

/** A file from a newer version is shown as far as this version understands it, and never written. */
function newerFileStore(file: StateFile, content: FileContent, error: NewerSchemaError, now: () => number): ReaderStore {
	const data = content.status === 'ok' && isPlainObject(content.data) ? content.data : {};
	return createMemoryStore(toMemoryState(decodeState(data).state), {
		path: file.path,
		notices: [`${file.path} was written by a newer flashnews (state version ${error.found}); changes will not be saved`],
		now,
	});
}

/** Applies every journal (ops not compacted yet, from any instance) to the view; returns how many. */
function replayJournals(dir: string, memory: MemoryState): number {
	let replayed = 0;
	for (const journal of journalFiles(dir)) {
		for (const op of readOps(journal)) {
			applyOpToMemory(memory, op);
			replayed++;
		}
	}

	return replayed;
}

/**
 * Removes temp files of state-file writes that were killed half-way (conf writes through a temp file
 * and a rename; its own clean-up on exit cannot run after kill -9). Only with the lock held: then
 * no write is in progress.
 */
function removeAbandonedTempFiles(dir: string): void {
	for (const name of fs.readdirSync(dir)) {
		if (name.startsWith('config.json.tmp-')) fs.rmSync(path.join(dir, name), {force: true});
	}
}

function openPersistentStore(dir: string, options: OpenStoreOptions, now: () => number): ReaderStore {
	// XDG asks for 0700 on directories it makes; an existing directory is left as the user set it.
	if (!fs.existsSync(dir)) fs.mkdirSync(dir, {recursive: true, mode: 0o700});
	// The lock makes the file and the journals one consistent snapshot (no compaction in between).
	// If it stays busy, reading without it is still better than not starting.
	const release = acquireLock(dir, OPEN_LOCK_WAIT_MS);
	try {
		fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
		if (release) removeAbandonedTempFiles(dir);
		// Taken before conf reads: if the file changes in between, the identities differ and the first
		// compaction reads the file again instead of trusting what was read here.
		const identity = fileIdentity(path.join(dir, 'config.json'));
		const file = openStateFile(dir);
		const initial = file.takeInitial();
		const notices: string[] = [];
		let loaded;
		try {
			loaded = loadState(file.path, initial, now());
		} catch (error) {
			if (error instanceof NewerSchemaError) return newerFileStore(file, initial, error, now);
			throw error;
		}

		if (loaded.notice) notices.push(loaded.notice);
		const common = {
			dir,
			file,
			notices,
			now,
			compactWhenIdleMs: options.compactWhenIdleMs ?? 2000,
			compactAtLeastEveryMs: options.compactAtLeastEveryMs ?? 20_000,
		};
		// A migrated or recovered state replaces the file at the first compaction, unless another
		// instance rewrote the file meanwhile: then that file is read again and nothing is lost.
		const known: KnownFile = {state: loaded.state, identity};
		if (loaded.needsWrite && release) {
			// Written at once, so a damaged file is backed up and reported only once.
			try {
				const result = compactLocked(file, dir, {known, instance: '', seenNotes: new Map(), now: now(), prune: false});
				return createPersistentStore({...common, known: result.known, memory: toMemoryState(result.known.state), needsCompaction: false});
			} catch (error) {
				notices.push(`could not save ${file.path}: ${describeError(error)}; changes are kept in the journal for next time`);
			}
		}

		const memory = toMemoryState(loaded.state);
		const replayed = replayJournals(dir, memory);
		return createPersistentStore({...common, known, memory, needsCompaction: replayed > 0 || loaded.needsWrite});
	} finally {
		release?.();
	}
}

/**
 * Opens the reader's state (read marks and bookmarks) in `configDir` or the XDG config dir. Never
 * throws: when the state cannot be opened it returns an in-memory store whose notice says so.
 * Call `close()` (or at least `flush()`) before exiting; changes are durable without it.
 */
export function openStore(options: OpenStoreOptions = {}): ReaderStore {
	const now = options.now ?? Date.now;
	const dir = path.resolve(options.configDir ?? defaultConfigDir());
	try {
		return openPersistentStore(dir, options, now);
	} catch (error) {
		const file = path.join(dir, 'config.json');
		return createMemoryStore(emptyState(), {
			path: file,
			notices: [`could not open state at ${file}: ${describeError(error)}; changes will not be saved`],
			now,
		});
	}
}
