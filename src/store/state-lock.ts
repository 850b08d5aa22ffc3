import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {readRegularFile, UnusableFileError} from './regular-file.js';

// A lock file created with O_EXCL ('wx'), naming its owner. Only compaction and the initial read take
// it; appending to the journal never does. A lock whose owner died (kill -9 mid-compaction) is taken
// over at once when the owner is a dead process on this host, else once it is older than
// STALE_AFTER_MS: a save in the background that runs longer keeps its lock fresh (refresh()).
// Waiting is worth it only for an owner seen alive on another process of this host: anything else at
// that name (a directory, a link, a lock from another host) is reported at once, so no one waits on
// what may never be released, and neither does a lock this process holds (its holder is a save in
// the background, which cannot go on while this process waits).

export const LOCK_NAME = 'state.lock';
const STALE_AFTER_MS = 30_000;
/** How often a holder should refresh() the lock: well within the time after which it looks stale. */
export const REFRESH_LOCK_EVERY_MS = STALE_AFTER_MS / 6;
const HELD_HERE = 'is held by this process';
const POLL_MS = 15;
/** A lock names its owner in well under this; anything larger at that name is not a lock file. */
const MAX_LOCK_BYTES = 4096;

type Owner = {pid: number; host: string};

/** Why the lock could not be taken. */
export type LockRefusal = {
	/** What holds it, completing "state.lock …": "is a directory", "is held by process 12 on host b". */
	holder: string;
	/** Nothing but the user removing it will free it: it is not a lock file that flashnews makes. */
	permanent: boolean;
	/** A live process on this host holds it: it is most likely compacting and will release it soon. */
	local: boolean;
};

export type HeldLock = {
	release(): void;
	/** Keeps the lock from looking stale (moves its time to now, if it is still this holder's). */
	refresh(): void;
	/** Whether the lock file is still this holder's (another process may take a lock it saw as stale). */
	isHeld(): boolean;
};

export type LockAttempt = HeldLock | LockRefusal;

/** The contents of the locks this process holds now (one per store compacting in the background). */
const heldHere = new Set<string>();

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
	Atomics.wait(sleeper, 0, 0, ms);
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function notALockFile(stats: fs.Stats): string {
	if (stats.isDirectory()) return 'is a directory, not a lock file';
	if (stats.isSymbolicLink()) return 'is a symbolic link, not a lock file';
	return 'is not a regular file';
}

/** What holds the lock: `stale` (take it over), or a refusal; undefined when nothing is there any more. */
function inspect(file: string): {stale: string} | LockRefusal | undefined {
	let stats: fs.Stats;
	let content: string;
	try {
		stats = fs.lstatSync(file);
		if (!stats.isFile()) return {holder: notALockFile(stats), permanent: true, local: false};
		const bytes = readRegularFile(file, MAX_LOCK_BYTES);
		if (bytes === undefined) return undefined;
		content = bytes.toString('utf8');
	} catch (error) {
		if (error instanceof UnusableFileError) return {holder: 'is not a lock file', permanent: true, local: false};
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		return {holder: `cannot be read (${(error as Error).message})`, permanent: true, local: false};
	}

	if (heldHere.has(content)) return {holder: HELD_HERE, permanent: false, local: true};
	// A time in the future (another host's clock) counts as age too, or such a lock would never go stale.
	if (Math.abs(Date.now() - stats.mtimeMs) > STALE_AFTER_MS) return {stale: content};
	let owner: Partial<Owner>;
	try {
		owner = (JSON.parse(content) ?? {}) as Partial<Owner>;
	} catch {
		// An owner that has not written its name yet is still starting up.
		return {holder: 'is being taken by another process', permanent: false, local: true};
	}

	if (typeof owner.pid !== 'number') return {holder: 'names no owner', permanent: false, local: false};
	if (owner.host !== os.hostname())
		return {holder: `is held by process ${owner.pid} on host ${String(owner.host)}`, permanent: false, local: false};
	// A lock naming our pid that this process does not hold was left by an earlier process that had
	// the same pid (common in containers, where it is often 1).
	if (owner.pid === process.pid || !processIsAlive(owner.pid)) return {stale: content};
	return {holder: `is held by process ${owner.pid}`, permanent: false, local: true};
}

function lockHolds(file: string, content: string): boolean {
	try {
		return readRegularFile(file, MAX_LOCK_BYTES)?.toString('utf8') === content;
	} catch {
		return false;
	}
}

/** Moves the lock's time to now if it still holds `content`. */
function touchLock(file: string, content: string): void {
	try {
		if (readRegularFile(file, MAX_LOCK_BYTES)?.toString('utf8') !== content) return;
		const now = new Date();
		fs.utimesSync(file, now, now);
	} catch {}
}

/** Removes the lock if it still holds `content`: never a lock someone else took meanwhile. */
function removeStaleLock(file: string, content: string): void {
	try {
		if (readRegularFile(file, MAX_LOCK_BYTES)?.toString('utf8') === content) fs.unlinkSync(file);
	} catch {}
}

/**
 * Takes the lock in `dir`, waiting up to `waitMs` while a live process on this host holds it.
 * Returns the release function, or why the lock could not be taken. Errors other than "already
 * there" (EACCES, ENOTDIR...) are thrown.
 */
export function acquireLock(dir: string, waitMs: number): LockAttempt {
	const file = path.join(dir, LOCK_NAME);
	const deadline = Date.now() + waitMs;
	// Taking over a stale lock races with others doing the same; give up if it keeps changing.
	let takeovers = 0;
	while (takeovers < 100) {
		try {
			const fd = fs.openSync(file, 'wx', 0o600);
			// The time makes the content unique to this taking of the lock, so release can tell it
			// still holds it (a lock taken over as stale belongs to someone else).
			const mine = JSON.stringify({pid: process.pid, host: os.hostname(), at: Date.now()});
			try {
				fs.writeFileSync(fd, mine);
			} finally {
				fs.closeSync(fd);
			}

			heldHere.add(mine);
			return {
				release() {
					heldHere.delete(mine);
					removeStaleLock(file, mine);
				},
				refresh() {
					if (heldHere.has(mine)) touchLock(file, mine);
				},
				isHeld() {
					return heldHere.has(mine) && lockHolds(file, mine);
				},
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}

		const found = inspect(file);
		if (found === undefined || 'stale' in found) {
			if (found) removeStaleLock(file, found.stale);
			takeovers++;
			continue;
		}

		if (!found.local || found.holder === HELD_HERE || Date.now() >= deadline) return found;
		sleepSync(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
	}

	return {holder: 'keeps changing hands', permanent: false, local: false};
}

/** One line for the user when the lock is held by something that may never let go of it. */
export function lockNotice(dir: string, refusal: LockRefusal): string {
	return `${path.join(dir, LOCK_NAME)} ${refusal.holder}: changes are kept in the journal until it is ${refusal.permanent ? 'removed' : 'released'}`;
}
