// newsboat `-x reload` of the same RSS files, as a reference: fresh cache and config per run.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
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

// GNU time reports a child's peak resident memory (getrusage's maxrss), which Node cannot.
const GNU_TIME = '/usr/bin/time';

/** Resolves to {ms, peakKb}; peakKb is NaN without GNU time. */
function reloadOnce(feedPath) {
	const home = makeTempDir('flashnews-bench-newsboat-');
	const urls = path.join(home, 'urls');
	const config = path.join(home, 'config');
	const peakFile = path.join(home, 'peak');
	writeFileSync(urls, `${pathToFileURL(feedPath).href}\n`);
	writeFileSync(config, '');
	const reload = ['newsboat', '-x', 'reload', '-u', urls, '-c', path.join(home, 'cache.db'), '-C', config];
	const command = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%M', '-o', peakFile, ...reload] : reload;
	return new Promise((resolve, reject) => {
		const startedAt = performance.now();
		const child = spawn(command[0], command.slice(1), {
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
			let peakKb = Number.NaN;
			try {
				peakKb = Number(readFileSync(peakFile, 'utf8').trim().split('\n').at(-1));
			} catch {}
			removeTempDir(home);
			if (code === 0) resolve({ms, peakKb});
			else reject(new Error(`newsboat exited with ${code}: ${stderr.trim().slice(0, 200)}`));
		});
	});
}

/**
 * @returns {Promise<{times: Record<number, number>, peakKb: Record<number, number>}>} medians keyed
 *   by item count; empty when newsboat is missing
 */
export async function runNewsboatBench(feeds, {runsFor}) {
	heading('newsboat -x reload (reference; fresh cache each run)');
	const version = newsboatVersion();
	if (!version) {
		note('newsboat not installed (apt-get install newsboat)');
		return {times: {}, peakKb: {}};
	}
	note(version);
	const times = {};
	const peakKb = {};
	for (const {count, path: feedPath} of feeds) {
		try {
			const runs = await repeat(runsFor(count), () => reloadOnce(feedPath));
			const summary = summarize(runs.map(run => run.ms));
			const peak = summarize(runs.map(run => run.peakKb));
			times[count] = summary.median;
			peakKb[count] = peak.median;
			const memory = Number.isFinite(peak.median) ? `peak ${(peak.median / 1024).toFixed(0)} MB` : 'peak memory not measured (no GNU time)';
			statLine(`RSS ${count.toLocaleString('en-US').padStart(6)} items`, summary, memory);
		} catch (error) {
			note(`RSS ${count}: ${error.message}`);
		}
	}
	return {times, peakKb};
}

export function killNewsboat() {
	for (const child of live) child.kill('SIGKILL');
}
