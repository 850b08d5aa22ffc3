// Start-up: launch to the first frame of the list on the bundled feeds, against `node -e 0`.
import {spawnSync} from 'node:child_process';
import {benchCacheDir, cliPath, repoRoot, withApp} from './app-session.mjs';
import {terminalEnv, timeUntilExit} from './pty-timing.mjs';
import {formatRatio, heading, note, statLine} from './report.mjs';
import {repeat, summarize} from './stats.mjs';
import {makeTempDir, removeTempDir} from './temp-dirs.mjs';

/**
 * The header counts articles from the first frame on ("0 articles · 0 unread" while loading), so
 * the marker is the final count, `N articles`, which only shows once every bundled feed is in.
 * N comes from `--json` on the same feeds.
 */
function bundledArticleCount() {
	const configDir = makeTempDir('flashnews-bench-json-');
	try {
		const result = spawnSync(process.execPath, [cliPath, '--json', '--config-dir', configDir], {
			cwd: repoRoot,
			env: terminalEnv(),
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		});
		if (result.status !== 0) throw new Error(`--json exited with ${result.status}: ${result.stderr.trim().slice(0, 200)}`);
		return JSON.parse(result.stdout).length;
	} finally {
		removeTempDir(configDir);
	}
}

/**
 * Returns the ratios of medians against `node -e 0`: `warm` for every launch but the first (the
 * code cache saved by an earlier session in place), `cold` for the first launch after an install
 * or upgrade (no code cache yet).
 */
export async function runStartupBench({runs}) {
	const count = bundledArticleCount();
	const marker = new RegExp(`(?<!\\d)${count} articles`);
	heading(`Start-up on the bundled feeds (pty 100x30, until the header shows all "${count} articles")`);
	// Alternating the three (node, cold, warm, node…) spreads any change in machine load over all.
	const nodeTimes = [];
	const coldTimes = [];
	const warmTimes = [];
	const launchNode = () => timeUntilExit(process.execPath, ['-e', '0']);
	const launchApp = cacheDir => withApp([], session => session.waitForText(marker, 20_000), {cacheDir});
	const launchCold = async () => {
		const cacheDir = makeTempDir('flashnews-bench-cold-cache-');
		try {
			return await launchApp(cacheDir);
		} finally {
			removeTempDir(cacheDir);
		}
	};
	await launchNode();
	await launchCold();
	// This one saves the code cache that the warm runs use, after a short session as a reader's
	// would be (an article opened, the help and the picker shown), so it holds what such a session
	// compiles, not only the start-up path.
	await withApp(
		[],
		async session => {
			await session.waitForText(marker, 20_000);
			for (const keys of ['j', '\r', 'G', '\u001B', '?', 'x', 'f', 'j', '\u001B']) await session.timeKeypress(keys, {timeoutMs: 2000});
		},
		{cacheDir: benchCacheDir()},
	);
	await repeat(runs, async () => {
		nodeTimes.push(await launchNode());
		coldTimes.push(await launchCold());
		warmTimes.push(await launchApp(benchCacheDir()));
	});
	const node = summarize(nodeTimes);
	statLine('node -e 0 (launch to exit)', node);
	const warm = summarize(warmTimes);
	const cold = summarize(coldTimes);
	const ratios = {warm: warm.median / node.median, cold: cold.median / node.median};
	statLine('flashnews (launch to list)', warm, `${formatRatio(ratios.warm)} node -e 0`);
	statLine('  first launch, no code cache yet', cold, `${formatRatio(ratios.cold)} node -e 0`);
	if (!Number.isFinite(ratios.warm)) note('start-up not measured');
	return ratios;
}
