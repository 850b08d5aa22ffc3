// Temp dirs the bench made, removed on exit however the bench ends.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set();

export function makeTempDir(prefix = 'flashnews-bench-') {
	const directory = mkdtempSync(path.join(os.tmpdir(), prefix));
	made.add(directory);
	return directory;
}

export function removeTempDir(directory) {
	rmSync(directory, {recursive: true, force: true});
	made.delete(directory);
}

export function removeAllTempDirs() {
	for (const directory of made) removeTempDir(directory);
}
