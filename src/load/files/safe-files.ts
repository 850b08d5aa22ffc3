import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Files in the cache and state directories may sit in a shared or tampered-with place: a temporary
// name is never predictable nor followed through a link, only regular files are read, and a write
// counts as done only once the whole of it is on disk under its final name.

const {O_CREAT, O_EXCL, O_WRONLY, O_RDONLY, O_NOFOLLOW, O_NONBLOCK} = fs.constants;

export class UnsafeFileError extends Error {}

/**
 * Writes `data` to `file` whole or not at all: a fresh temporary file created exclusively (random
 * name, never through a link), synced, checked for length, then renamed over `file`. Throws on any
 * failure, leaving `file` as it was.
 */
export function writeFileWhole(file: string, data: Uint8Array, mode = 0o600): void {
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
	const fd = fs.openSync(temp, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW, mode);
	try {
		let written = 0;
		while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
		fs.fsyncSync(fd);
		if (fs.fstatSync(fd).size !== data.length) throw new Error(`short write to ${temp}`);
	} catch (error) {
		fs.closeSync(fd);
		fs.rmSync(temp, {force: true});
		throw error;
	}
	fs.closeSync(fd);
	try {
		const target = fs.lstatSync(file, {throwIfNoEntry: false});
		if (target?.isSymbolicLink()) throw new UnsafeFileError(`${file} is a symbolic link; not replacing it`);
		fs.renameSync(temp, file);
	} catch (error) {
		fs.rmSync(temp, {force: true});
		throw error;
	}
}

/**
 * The bytes of `file` if it is a regular file (not a link, FIFO or device) of at most `maxBytes`;
 * undefined when it does not exist. Opening never blocks, whatever sits at that name.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer | undefined {
	let fd: number;
	try {
		fd = fs.openSync(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UnsafeFileError(`${file} is a symbolic link`);
		throw error;
	}
	try {
		const stats = fs.fstatSync(fd);
		if (!stats.isFile()) throw new UnsafeFileError(`${file} is not a regular file`);
		if (stats.size > maxBytes) throw new UnsafeFileError(`${file} is larger than ${maxBytes} bytes`);
		const bytes = Buffer.allocUnsafe(stats.size);
		let filled = 0;
		while (filled < bytes.length) {
			const read = fs.readSync(fd, bytes, filled, bytes.length - filled, filled);
			if (read === 0) break;
			filled += read;
		}
		return bytes.subarray(0, filled);
	} finally {
		fs.closeSync(fd);
	}
}
