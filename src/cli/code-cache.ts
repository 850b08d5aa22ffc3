// A V8 code cache for the reader's bundle (dist/app.cjs): later launches skip most of the parsing
// and compiling of it. The file lives in the user's cache directory, one per build of the bundle
// and Node version. Anything wrong with it (missing, damaged, unwritable) means compiling as usual.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cacheBaseDir} from '../load/cache/cache-dir.js';
import {readRegularFile, writeFileWhole} from '../load/files/safe-files.js';

const DIGEST_BYTES = 32;
const SUFFIX = '.v8';
/** Far above any real cache (the bundle's is about a megabyte): a bound before reading. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

function sha256(bytes: Uint8Array): Buffer {
	return createHash('sha256').update(bytes).digest();
}

/** $FLASHNEWS_CACHE_DIR, else $XDG_CACHE_HOME/flashnews, else ~/.cache/flashnews; then `code/`. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
	return path.join(cacheBaseDir(env, home), 'code');
}

export function codeCacheFile(dir: string, source: Uint8Array, runtime = `${process.version}-${process.arch}`): string {
	return path.join(dir, `app-${sha256(source).toString('hex').slice(0, 16)}-${runtime}${SUFFIX}`);
}

/**
 * The cached code, or undefined when there is none or it is damaged. Each file starts with a
 * digest of the rest: V8 itself checks little more than the source's length, and a damaged cache
 * must never reach it.
 */
export function readCodeCache(file: string): Buffer | undefined {
	let bytes: Buffer | undefined;
	try {
		bytes = readRegularFile(file, MAX_CACHE_BYTES);
	} catch {
		return undefined;
	}
	if (bytes === undefined || bytes.length <= DIGEST_BYTES) return undefined;
	const data = bytes.subarray(DIGEST_BYTES);
	return sha256(data).equals(bytes.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/**
 * Writes the cache whole or not at all (temp file, then rename) and removes the caches of other
 * builds, which an upgrade leaves behind. Returns false, throwing nothing, when it cannot write.
 */
export function writeCodeCache(file: string, data: Uint8Array): boolean {
	const dir = path.dirname(file);
	try {
		fs.mkdirSync(dir, {recursive: true, mode: 0o700});
		writeFileWhole(file, Buffer.concat([sha256(data), data]));
	} catch {
		return false;
	}
	const build = path.basename(file).split('-').slice(0, 2).join('-');
	try {
		for (const name of fs.readdirSync(dir)) {
			if (name.endsWith(SUFFIX) && !name.startsWith(`${build}-`)) removeQuietly(path.join(dir, name));
		}
	} catch {
		// Tidying up is optional.
	}
	return true;
}

function removeQuietly(file: string): void {
	try {
		fs.rmSync(file, {force: true});
	} catch {
		// Gone already, or never there.
	}
}
