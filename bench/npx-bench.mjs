// The first run as people meet flashnews: `npx --package=<tarball> flashnews --version` with an
// empty npm cache (what a fresh machine pays: unpacking, installing, linking), beside the same
// with the cache npx left behind, the installed binary, and `node -e 0`. The tarball comes from
// `npm pack` of the current dist/; the registry stays reachable, but the package needs nothing
// from it.
import {spawn, spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {repoRoot} from './app-session.mjs';
import {formatBytes, heading, note, statLine} from './report.mjs';
import {repeat, summarize} from './stats.mjs';
import {makeTempDir, removeTempDir} from './temp-dirs.mjs';

const npmEnv = {...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'};

/** Wall time of one command from spawn to exit; it must succeed. */
function timeCommand(file, args, {cwd, env = npmEnv}) {
	return new Promise((resolve, reject) => {
		const startedAt = performance.now();
		const child = spawn(file, args, {cwd, env, stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', status => {
			if (status === 0) resolve(performance.now() - startedAt);
			else reject(new Error(`${path.basename(file)} ${args.join(' ')} exited with ${status}: ${stderr.trim().split('\n').at(-1)}`));
		});
	});
}

function packTarball(into) {
	const result = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', into], {cwd: repoRoot, env: npmEnv, encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr.trim().split('\n').at(-1)}`);
	const name = readdirSync(into).find(file => file.endsWith('.tgz'));
	if (!name) throw new Error('npm pack made no tarball');
	return path.join(into, name);
}

/** Returns the medians in ms: {cold, warm}. */
export async function runNpxBench({runs}) {
	const work = makeTempDir('flashnews-bench-npx-');
	try {
		const tarball = packTarball(work);
		const empty = makeTempDir('flashnews-bench-npx-cwd-');
		const npx = cache => ['npx', ['--yes', '--cache', cache, `--package=${tarball}`, 'flashnews', '--version']];
		heading(`npx of the packed tarball (${path.basename(tarball)}, ${formatBytes(statSync(tarball).size)}), flashnews --version`);
		const warmCache = makeTempDir('flashnews-bench-npx-cache-');
		await timeCommand(...npx(warmCache), {cwd: empty});
		const installed = readdirSync(path.join(warmCache, '_npx')).map(dir =>
			path.join(warmCache, '_npx', dir, 'node_modules', 'flashnews', 'dist', 'cli.js'),
		)[0];
		const nodeTimes = [];
		const installedTimes = [];
		const warmTimes = [];
		const coldTimes = [];
		// In turn, so that a change in the machine's load spreads over all four.
		await repeat(runs, async () => {
			nodeTimes.push(await timeCommand(process.execPath, ['-e', '0'], {cwd: empty}));
			installedTimes.push(await timeCommand(process.execPath, [installed, '--version'], {cwd: empty}));
			warmTimes.push(await timeCommand(...npx(warmCache), {cwd: empty}));
			const coldCache = makeTempDir('flashnews-bench-npx-cold-');
			try {
				coldTimes.push(await timeCommand(...npx(coldCache), {cwd: empty}));
			} finally {
				removeTempDir(coldCache);
			}
		});
		statLine('node -e 0', summarize(nodeTimes));
		statLine('installed flashnews --version', summarize(installedTimes));
		const warm = summarize(warmTimes);
		const cold = summarize(coldTimes);
		statLine('npx, warm (package in npx cache)', warm);
		statLine('npx, cold (empty npm cache)', cold);
		note('cold: npx unpacks and installs the one package; nothing else is fetched (no dependencies)');
		return {cold: cold.median, warm: warm.median};
	} finally {
		removeTempDir(work);
	}
}
