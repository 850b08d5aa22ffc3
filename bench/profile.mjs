// Where start-up time goes: runs the reader in a pty under --cpu-prof until the list shows (or
// 3 s), quits, and prints the heaviest functions and files by self time plus a timeline of what
// ran when. The reader is rebuilt unminified into bench/out/prof/ so function names mean something.
//   node bench/profile.mjs [--marker TEXT] [FILE...]     (no FILE: the bundled feeds)
import {copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildCli} from '../scripts/cli-build-options.mjs';
import {repoRoot} from './app-session.mjs';
import {launch, sleep} from './pty-timing.mjs';
import {makeTempDir, removeAllTempDirs} from './temp-dirs.mjs';

const args = process.argv.slice(2);
const markerIndex = args.indexOf('--marker');
const marker = markerIndex >= 0 ? args.splice(markerIndex, 2)[1] : null;
const files = args;
const TIMELINE_STEP_MS = Number(process.env.STEP_MS ?? 25);

/** The CLI's own build settings, minus minification. */
async function buildUnminified() {
	const outRoot = fileURLToPath(new URL('out/prof/', import.meta.url));
	await buildCli({root: repoRoot, outdir: path.join(outRoot, 'dist'), minify: false});

	// The CLI finds its bundled feeds at ../feeds from the bundle.
	const feedsLink = path.join(outRoot, 'feeds');
	if (!existsSync(feedsLink)) symlinkSync(path.join(repoRoot, 'feeds'), feedsLink);
	return path.join(outRoot, 'dist', 'cli.js');
}

/** Per time slice, the file whose code was on top of the stack most often. */
function timeline(profile) {
	const nodes = new Map(profile.nodes.map(node => [node.id, node]));
	const slices = new Map();
	let at = 0;
	profile.samples.forEach((id, index) => {
		at += (profile.timeDeltas[index] ?? 0) / 1000;
		const slice = Math.floor(at / TIMELINE_STEP_MS);
		const {url, functionName} = nodes.get(id).callFrame;
		const where = url ? `${path.relative(repoRoot, url.replace(/^file:\/\//, ''))}` : `(${functionName})`;
		const counts = slices.get(slice) ?? new Map();
		counts.set(where, (counts.get(where) ?? 0) + 1);
		slices.set(slice, counts);
	});
	return [...slices]
		.sort((a, b) => a[0] - b[0])
		.map(([slice, counts]) => {
			const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
			const top = [...counts]
				.sort((a, b) => b[1] - a[1])
				.slice(0, 3)
				.map(([where, count]) => `${where} ${Math.round((100 * count) / total)}%`);
			return `${String(slice * TIMELINE_STEP_MS).padStart(6)} ms  ${top.join(', ')}`;
		});
}

/** Self time per node, summed by function and by file, from a .cpuprofile. */
function summarizeProfile(profile) {
	const deltas = new Map();
	profile.samples.forEach((id, index) => {
		deltas.set(id, (deltas.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
	});
	const byFunction = new Map();
	const byFile = new Map();
	for (const node of profile.nodes) {
		const ms = deltas.get(node.id) ?? 0;
		const {functionName, url, lineNumber} = node.callFrame;
		const file = url ? path.relative(repoRoot, url.replace(/^file:\/\//, '')) : `(${functionName || 'native'})`;
		const key = `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}`;
		byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
		byFile.set(file, (byFile.get(file) ?? 0) + ms);
	}
	const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
	return {total: (profile.endTime - profile.startTime) / 1000, functions: top(byFunction, 25), files: top(byFile, 12)};
}

const profileDir = makeTempDir('flashnews-bench-prof-');
const configDir = makeTempDir('flashnews-bench-config-');
try {
	const cliPath = await buildUnminified();
	const session = launch(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, cliPath, '--config-dir', configDir, ...files], {
		cwd: repoRoot,
	});
	const shownAt = marker ? await session.waitForText(marker, 120_000) : await sleep(3000).then(() => Number.NaN);
	await session.waitQuiet(200, 30_000);
	await session.close(10_000);
	if (Number.isFinite(shownAt)) console.log(`list shown after ${Math.round(shownAt)} ms (profiling on)`);
	for (const name of readdirSync(profileDir)) {
		const profile = JSON.parse(readFileSync(path.join(profileDir, name), 'utf8'));
		copyFileSync(path.join(profileDir, name), fileURLToPath(new URL('out/last.cpuprofile', import.meta.url)));
		const {total, functions, files: heavyFiles} = summarizeProfile(profile);
		console.log(`\n${name} (kept as bench/out/last.cpuprofile): ${Math.round(total)} ms profiled\n  by file (self time):`);
		for (const [file, ms] of heavyFiles) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${file}`);
		console.log('  by function (self time):');
		for (const [key, ms] of functions) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${key}`);
		console.log(`  timeline (top files per ${TIMELINE_STEP_MS} ms, from profile start):`);
		for (const line of timeline(profile)) console.log(`  ${line}`);
	}
} finally {
	removeAllTempDirs();
}
