import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A lock file created with O_EXCL ('wx'), naming its owner. Only compaction and the initial read take
// it; appending to the journal never does. A lock whose owner died (kill -9 mid-compaction) is taken
// over at once when the owner is a dead process on this host, else once it is older than
// STALE_AFTER_MS, which no compaction comes near.

export const LOCK_NAME = 'state.lock';
const STALE_AFTER_MS = 30_000;
const POLL_MS = 15;

type Owner = {pid: number; host: string};

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

/** The lock file's content when the lock is stale, else undefined. */
function staleLockContent(file: string): string | undefined {
	let content: string;
	let stats: fs.Stats;
	try {
		content = fs.readFileSync(file, 'utf8');
		stats = fs.statSync(file);
	} catch {
		return undefined;
	}

	if (Date.now() - stats.mtimeMs > STALE_AFTER_MS) return content;
	let owner: Partial<Owner>;
	try {
		owner = JSON.parse(content) as Partial<Owner>;
	} catch {
		// An owner that has not written its name yet is still starting up.
		return undefined;
	}

	// This process never holds the lock between calls, so a lock naming our pid was left by an
	// earlier process that had the same pid (common in containers, where it is often 1).
	const dead = typeof owner.pid === 'number' && owner.host === os.hostname()
		&& (owner.pid === process.pid || !processIsAlive(owner.pid));
	return dead ? content : undefined;
}

/** Removes the lock if it still holds `content`: never a lock someone else took meanwhile. */
function removeStaleLock(file: string, content: string): void {
	try {
		if (fs.readFileSync(file, 'utf8') === content) fs.unlinkSync(file);
	} catch {}
}

/**
 * Takes the lock in `dir`, waiting up to `waitMs`. Returns the release function, or undefined when
 * the lock stayed busy. Errors other than "already locked" (EACCES, ENOTDIR...) are thrown.
 */
export function acquireLock(dir: string, waitMs: number): (() => void) | undefined {
	const file = path.join(dir, LOCK_NAME);
	const deadline = Date.now() + waitMs;
	for (;;) {
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

			return () => removeStaleLock(file, mine);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}

		const stale = staleLockContent(file);
		if (stale !== undefined) removeStaleLock(file, stale);
		if (Date.now() >= deadline) return undefined;
		if (stale === undefined) sleepSync(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
	}
}
