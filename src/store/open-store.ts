import fs from 'node:fs';
import path from 'node:path';
import {compactLocked, fileIdentity, type KnownFile} from './compaction/compact-locked.js';
import {describeError} from './describe-error.js';
import {decodeFile} from './file/decode.js';
import {defaultConfigDir, ensureConfigDir, removeAbandonedTempFiles, STATE_FILE_NAME} from './file/location.js';
import {NewerSchemaError} from './file/migrate.js';
import {openStateFile} from './file/state-file.js';
import {replayJournals} from './journal.js';
import {createMemoryStore} from './memory-store.js';
import {createPersistentStore} from './persistent-store.js';
import {newerFileStore, openReadOnlyStore} from './read-only-store.js';
import {copyStoredState, emptyStoredState, type StoredState} from './state/stored-state.js';
import {acquireLock, type LockAttempt, lockNotice} from './state-lock.js';
import type {ReaderStore} from './types.js';

export {PRUNE_READ_AFTER_MS} from './state/read-marks.js';

export type OpenStoreOptions = {
	/** Directory for config.json and its journal (`--config-dir` / FLASHNEWS_CONFIG_DIR); default: the XDG config dir. */
	configDir?: string;
	now?: () => number;
	/** Compaction runs once no change came for this long. Default 2 s. */
	compactWhenIdleMs?: number;
	/** ...or at the latest this long after the first change it has not written. Default 20 s. */
	compactAtLeastEveryMs?: number;
	/**
	 * When compaction cannot run (a lock that is never released), changes stop being saved once this
	 * instance has added this much to the journal, with a notice. Default 8 MB (about 100,000 read marks).
	 */
	journalLimitBytes?: number;
};

/** How long opening waits for another instance's compaction before reading without the lock. */
const OPEN_LOCK_WAIT_MS = 2000;

/** Errors that mean "this directory can be read but not written". */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Something other than a regular file where the state belongs (a FIFO, a link, a device, a file too
 * large): it is left exactly as it is, what could be read is shown, and nothing is saved.
 */
function unsavedStore(file: string, state: StoredState, notices: string[], problem: string, now: () => number): ReaderStore {
	return createMemoryStore(state, {path: file, notices: [...notices, `${problem}; changes will not be saved`], now});
}

function openPersistentStore(dir: string, options: OpenStoreOptions, now: () => number): ReaderStore {
	ensureConfigDir(dir);
	let lock: LockAttempt | undefined;
	try {
		// The lock makes the file and the journals one consistent snapshot (no compaction in between).
		// If it stays busy, reading without it is still better than not starting.
		lock = acquireLock(dir, OPEN_LOCK_WAIT_MS);
		fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
	} catch (error) {
		if (lock && 'release' in lock) lock.release();
		if (READ_ONLY_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return openReadOnlyStore(dir, error, now);
		throw error;
	}

	const release = 'release' in lock ? lock.release : undefined;
	// A live flashnews here that holds it longer is compacting a large file: nothing to report.
	const lockProblem = 'release' in lock || lock.local ? undefined : lockNotice(dir, lock);

	try {
		if (release) removeAbandonedTempFiles(dir);
		// Taken before the file is read: if it changes in between, the identities differ and the first
		// compaction reads the file again instead of trusting what was read here.
		const identity = fileIdentity(path.join(dir, STATE_FILE_NAME));
		const file = openStateFile(dir);
		const initial = file.read();
		if (initial.status === 'unusable') return unsavedStore(file.path, emptyStoredState(), [], initial.problem, now);
		const notices: string[] = lockProblem ? [lockProblem] : [];
		let loaded: ReturnType<typeof decodeFile>;
		try {
			loaded = decodeFile(file.path, initial, now());
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
			journalLimitBytes: options.journalLimitBytes ?? 8 * 1024 * 1024,
			lockReported: lockProblem !== undefined,
		};
		const shown = copyStoredState(loaded.state);
		const {replayed, unusable} = replayJournals(dir, shown);
		// Appending to that journal, or folding it in, would fail at every change.
		if (unusable.length > 0) return unsavedStore(file.path, shown, loaded.notice ? [loaded.notice] : [], unusable.join('; '), now);
		// A migrated or recovered state replaces the file at the first compaction, unless another
		// instance rewrote the file meanwhile: then that file is read again and nothing is lost.
		const known: KnownFile = {state: loaded.state, identity};
		if (loaded.needsWrite && release) {
			// Written at once, so a damaged file is backed up and reported only once.
			try {
				const result = compactLocked(file, dir, {known, instance: '', seenNotes: new Map(), now: now(), prune: false});
				return createPersistentStore({...common, known: result.known, shown: copyStoredState(result.known.state), needsCompaction: false});
			} catch (error) {
				notices.push(`could not save ${file.path}: ${describeError(error)}; changes are kept in the journal for next time`);
			}
		}

		return createPersistentStore({...common, known, shown, needsCompaction: replayed > 0 || loaded.needsWrite});
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
		const file = path.join(dir, STATE_FILE_NAME);
		return createMemoryStore(emptyStoredState(), {
			path: file,
			notices: [`could not open state at ${file}: ${describeError(error)}; changes will not be saved`],
			now,
		});
	}
}
