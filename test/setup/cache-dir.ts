// The binary keeps a code cache in the user's cache directory; tests give it a throwaway one.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'flashnews-test-cache-'));
	process.env.FLASHNEWS_CACHE_DIR = dir;
	return () => rmSync(dir, {recursive: true, force: true});
}
