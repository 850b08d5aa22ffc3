import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A tmpfs of `size` bytes mounted for one test; unmount() after it. Undefined where mounting is not allowed (not root, no mount). */
export type SmallDisk = {dir: string; unmount(): void};

export function mountSmallDisk(size: number): SmallDisk | undefined {
	if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashnews-small-disk-'));
	const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], {encoding: 'utf8'});
	if (mounted.status !== 0) {
		fs.rmSync(dir, {recursive: true, force: true});
		return undefined;
	}

	return {
		dir,
		unmount() {
			spawnSync('umount', ['-l', dir]);
			fs.rmSync(dir, {recursive: true, force: true});
		},
	};
}

export const CANNOT_MOUNT = 'cannot mount a small tmpfs here (needs root on Linux and the mount command)';

/** Fills the disk with `filler` until no byte fits, then frees `free` bytes of it. */
export function fillDisk(filler: string, free: number): void {
	const fd = fs.openSync(filler, 'w');
	const chunk = Buffer.alloc(64 * 1024, 'x');
	try {
		for (;;) {
			if (fs.writeSync(fd, chunk) < chunk.length) break;
		}
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
	} finally {
		fs.closeSync(fd);
	}

	fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - free));
}

/** Remounts the disk read-only (or writable again). */
export function remount(disk: SmallDisk, mode: 'ro' | 'rw'): void {
	const result = spawnSync('mount', ['-o', `remount,${mode}`, disk.dir], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`remount ${mode} failed: ${result.stderr.trim()}`);
}
