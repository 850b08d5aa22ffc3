// Start-up: launch to the first frame of the list on the bundled feeds, against `node -e 0`.
import {spawnSync} from 'node:child_process';
import {cliPath, repoRoot, withApp} from './app-session.mjs';
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
		const result = spawnSync(process.execPath, [cliPath, '--json', '--config-dir', configDir], {cwd: repoRoot, env: terminalEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
		if (result.status !== 0) throw new Error(`--json exited with ${result.status}: ${result.stderr.trim().slice(0, 200)}`);
		return JSON.parse(result.stdout).length;
	} finally {
		removeTempDir(configDir);
	}
}

/** Returns the ratio of medians (app / node -e 0). */
export async function runStartupBench({runs}) {
	const count = bundledArticleCount();
	const marker = new RegExp(`(?<!\\d)${count} articles`);
	heading(`Start-up on the bundled feeds (pty 100x30, until the header shows all "${count} articles")`);
	// Alternating the two (node, app, node, app…) spreads any change in machine load over both.
	const nodeTimes = [];
	const appTimes = [];
	const launchNode = () => timeUntilExit(process.execPath, ['-e', '0']);
	const launchApp = () => withApp([], session => session.waitForText(marker, 20_000));
	await launchNode();
	await launchApp();
	await repeat(runs, async () => {
		nodeTimes.push(await launchNode());
		appTimes.push(await launchApp());
	});
	const node = summarize(nodeTimes);
	statLine('node -e 0 (launch to exit)', node);
	const app = summarize(appTimes);
	const ratio = app.median / node.median;
	statLine('flashnews (launch to list)', app, `${formatRatio(ratio)} node -e 0`);
	if (!Number.isFinite(ratio)) note('start-up not measured');
	return ratio;
}
