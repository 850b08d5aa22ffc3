import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {codeCacheDir, codeCacheFile, readCodeCache, writeCodeCache} from '../../src/cli/code-cache.js';

const dirs: string[] = [];
function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashnews-code-cache-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

describe('codeCacheDir', () => {
	it('prefers FLASHNEWS_CACHE_DIR, then an absolute XDG_CACHE_HOME, then ~/.cache', () => {
		expect(codeCacheDir({FLASHNEWS_CACHE_DIR: '/x/fn', XDG_CACHE_HOME: '/x/xdg'}, '/home/u')).toBe('/x/fn/code');
		expect(codeCacheDir({XDG_CACHE_HOME: '/x/xdg'}, '/home/u')).toBe('/x/xdg/flashnews/code');
		expect(codeCacheDir({XDG_CACHE_HOME: 'relative/xdg'}, '/home/u')).toBe('/home/u/.cache/flashnews/code');
		expect(codeCacheDir({}, '/home/u')).toBe('/home/u/.cache/flashnews/code');
	});
});

describe('codeCacheFile', () => {
	it('names a different file for a different bundle of the same length, and per Node version', () => {
		const one = codeCacheFile('/c', Buffer.from('console.log(1)'), 'v20.0.0-x64');
		const other = codeCacheFile('/c', Buffer.from('console.log(2)'), 'v20.0.0-x64');
		expect(one).not.toBe(other);
		expect(codeCacheFile('/c', Buffer.from('console.log(1)'), 'v22.0.0-x64')).not.toBe(one);
		expect(path.dirname(one)).toBe('/c');
	});
});

describe('reading and writing', () => {
	const data = Buffer.from('pretend this is V8 code cache data '.repeat(40));

	it('reads back what it wrote, creating the directory private to the user', () => {
		const file = codeCacheFile(path.join(tempDir(), 'code'), Buffer.from('bundle'));
		expect(readCodeCache(file)).toBeUndefined();
		expect(writeCodeCache(file, data)).toBe(true);
		expect(readCodeCache(file)?.equals(data)).toBe(true);
		expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
	});

	it('ignores a damaged or truncated file', () => {
		const file = codeCacheFile(tempDir(), Buffer.from('bundle'));
		writeCodeCache(file, data);
		const bytes = fs.readFileSync(file);
		bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0xff, bytes.length - 5);
		fs.writeFileSync(file, bytes);
		expect(readCodeCache(file)).toBeUndefined();
		fs.writeFileSync(file, bytes.subarray(0, 40));
		expect(readCodeCache(file)).toBeUndefined();
		fs.writeFileSync(file, '');
		expect(readCodeCache(file)).toBeUndefined();
	});

	it('returns false without throwing when the directory cannot be created', () => {
		const blocker = path.join(tempDir(), 'not-a-dir');
		fs.writeFileSync(blocker, 'a file where the cache directory should be');
		expect(writeCodeCache(codeCacheFile(path.join(blocker, 'code'), Buffer.from('bundle')), data)).toBe(false);
	});

	it('removes the caches of other builds but keeps this build for other Node versions', () => {
		const dir = tempDir();
		const oldBuild = codeCacheFile(dir, Buffer.from('old bundle'), 'v20.0.0-x64');
		const otherNode = codeCacheFile(dir, Buffer.from('bundle'), 'v22.0.0-x64');
		const current = codeCacheFile(dir, Buffer.from('bundle'), 'v20.0.0-x64');
		fs.writeFileSync(path.join(dir, 'unrelated.txt'), 'kept');
		writeCodeCache(oldBuild, data);
		writeCodeCache(otherNode, data);
		writeCodeCache(current, data);
		expect(fs.readdirSync(dir).sort()).toEqual([path.basename(current), path.basename(otherNode), 'unrelated.txt'].sort());
	});
});

describe('a code cache in a shared directory', () => {
	it('never writes through a link planted at the old predictable temporary name', () => {
		const dir = tempDir();
		const victim = path.join(tempDir(), 'victim');
		fs.writeFileSync(victim, 'precious');
		const file = codeCacheFile(dir, Buffer.from('bundle'));
		fs.symlinkSync(victim, `${file}.${process.pid}.tmp`);
		expect(writeCodeCache(file, Buffer.from('cache data'))).toBe(true);
		expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
		expect(readCodeCache(file)?.toString()).toBe('cache data');
	});

	it('does not replace a link planted at the cache file, nor read through it', () => {
		const dir = tempDir();
		const victim = path.join(tempDir(), 'victim');
		fs.writeFileSync(victim, 'precious');
		const file = codeCacheFile(dir, Buffer.from('bundle'));
		fs.symlinkSync(victim, file);
		expect(writeCodeCache(file, Buffer.from('cache data'))).toBe(false);
		expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
		expect(readCodeCache(file)).toBeUndefined();
		expect(fs.readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
	});

	it('does not hang on a FIFO where the cache file belongs', () => {
		const dir = tempDir();
		const file = codeCacheFile(dir, Buffer.from('bundle'));
		execFileSync('mkfifo', [file]);
		expect(readCodeCache(file)).toBeUndefined();
	});
});
