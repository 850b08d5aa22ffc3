// newsboat `-x reload` of the same RSS files, as a reference: fresh cache and config per run.
import {spawn, spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {pathToFileURL} from 'node:url';
import {heading, note, statLine} from './report.mjs';
import {repeat, summarize} from './stats.mjs';
import {makeTempDir, removeTempDir} from './temp-dirs.mjs';

const live = new Set();

export function newsboatVersion() {
	const result = spawnSync('newsboat', ['--version'], {encoding: 'utf8'});
	return result.status === 0 ? result.stdout.split('\n')[0].trim() : null;
}

function reloadOnce(feedPath) {
	const home = makeTempDir('flashnews-bench-newsboat-');
	const urls = path.join(home, 'urls');
	const config = path.join(home, 'config');
	writeFileSync(urls, `${pathToFileURL(feedPath).href}\n`);
	writeFileSync(config, '');
	return new Promise((resolve, reject) => {
		const startedAt = performance.now();
		const child = spawn('newsboat', ['-x', 'reload', '-u', urls, '-c', path.join(home, 'cache.db'), '-C', config], {
			env: {...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home},
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		live.add(child);
		let stderr = '';
		child.stderr.on('data', chunk => {
			stderr += chunk;
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
		child.on('exit', code => {
			const ms = performance.now() - startedAt;
			clearTimeout(timer);
			live.delete(child);
			removeTempDir(home);
			if (code === 0) resolve(ms);
			else reject(new Error(`newsboat exited with ${code}: ${stderr.trim().slice(0, 200)}`));
		});
	});
}

/** @returns median ms keyed by item count; empty when newsboat is missing */
export async function runNewsboatBench(feeds, {runsFor}) {
	heading('newsboat -x reload (reference; fresh cache each run)');
	const version = newsboatVersion();
	if (!version) {
		note('newsboat not installed (apt-get install newsboat)');
		return {};
	}
	note(version);
	const medians = {};
	for (const {count, path: feedPath} of feeds) {
		try {
			const summary = summarize(await repeat(runsFor(count), () => reloadOnce(feedPath)));
			medians[count] = summary.median;
			statLine(`RSS ${count.toLocaleString('en-US').padStart(6)} items`, summary);
		} catch (error) {
			note(`RSS ${count}: ${error.message}`);
		}
	}
	return medians;
}

export function killNewsboat() {
	for (const child of live) child.kill('SIGKILL');
}
