// Launches the built reader in a pty with its own config dir. The bench runs a snapshot of dist/
// (bench/out/app/dist, beside a link to feeds/) so a rebuild in the checkout mid-bench cannot pull
// the files out from under a measurement.

import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, rmSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {NEWEST_MARKER} from './generate-feeds.mjs';
import {launch, sleep, terminalEnv} from './pty-timing.mjs';
import {makeTempDir, removeTempDir} from './temp-dirs.mjs';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const builtDir = path.join(repoRoot, 'dist');
const snapshotRoot = fileURLToPath(new URL('out/app/', import.meta.url));
export const cliPath = path.join(snapshotRoot, 'dist', 'cli.js');

function snapshotWorks() {
	const result = spawnSync(process.execPath, [cliPath, '--version'], {encoding: 'utf8', timeout: 10_000});
	return result.status === 0;
}

/** Copies dist/ into the snapshot; retries for a while if a rebuild is in progress. False if there is no build. */
export async function snapshotApp({attempts = 10} = {}) {
	for (let attempt = 0; attempt < attempts; attempt++) {
		if (existsSync(path.join(builtDir, 'cli.js'))) {
			rmSync(snapshotRoot, {recursive: true, force: true});
			try {
				cpSync(builtDir, path.join(snapshotRoot, 'dist'), {recursive: true});
				symlinkSync(path.join(repoRoot, 'feeds'), path.join(snapshotRoot, 'feeds'));
				if (snapshotWorks()) return true;
			} catch {
				// dist/ changed while it was copied: try again.
			}
		}
		await sleep(1000);
	}
	return false;
}

let sharedCacheDir;

/**
 * The code cache every run shares unless told otherwise (never the user's own ~/.cache): warm
 * after the first run that quits, as it is for a user from the second launch on.
 */
export function benchCacheDir() {
	sharedCacheDir ??= makeTempDir('flashnews-bench-cache-');
	return sharedCacheDir;
}

/**
 * Runs `use(session)` on a fresh reader over `files` (none: the bundled feeds) with an empty
 * config dir, then makes sure the process and the dir are gone. `cacheDir` is where its code cache
 * lives (see src/cli/code-cache.ts); `rows` and `columns` the terminal's size.
 */
export async function withApp(files, use, {cacheDir = benchCacheDir(), rows, columns} = {}) {
	const configDir = makeTempDir('flashnews-bench-config-');
	const env = terminalEnv({FLASHNEWS_CACHE_DIR: cacheDir});
	const session = launch(process.execPath, [cliPath, '--config-dir', configDir, ...files], {
		cwd: repoRoot,
		env,
		...(rows === undefined ? {} : {rows}),
		...(columns === undefined ? {} : {cols: columns}),
	});
	try {
		return await use(session);
	} finally {
		await session.close();
		removeTempDir(configDir);
	}
}

/**
 * Waits until the reader shows a generated feed of `count` items whole: its newest headline, then
 * the header's full count (a large feed is shown part by part as it is parsed), then 300 ms without
 * output, so that nothing of the load is left to draw.
 */
export async function waitForWholeList(session, count) {
	await session.waitForText(NEWEST_MARKER, 120_000);
	await session.waitForScreen(`${count} articles`, 120_000);
	await session.waitQuiet(300, 30_000);
}
