// `npm run bench`: prints start-up, load, keypress, memory, store and parse figures for flashnews,
// then a table of ratios against the targets. Figures only: nothing here fails on a slow result.
//   node bench/run.mjs [--quick] [--only=startup,npx,load,newsboat,keys,newsboatkeys,repeat,quit,store,parse,search,searchframe,cached]
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {snapshotApp} from './app-session.mjs';
import {runCachedStartBench} from './cached-start-bench.mjs';
import {ensureFeed, FORMATS} from './generate-feeds.mjs';
import {runKeyRepeatBench} from './key-repeat-bench.mjs';
import {runKeypressBench, runKeypressBytesBench, runQuitDuringLoadBench} from './keypress-bench.mjs';
import {printMemory, printScaling, runLargeMemoryBench, runLoadBench, scaling} from './load-bench.mjs';
import {machineLine} from './machine.mjs';
import {killNewsboat, runNewsboatBench} from './newsboat-bench.mjs';
import {runNewsboatKeysBench} from './newsboat-keys-bench.mjs';
import {runNpxBench} from './npx-bench.mjs';
import {runParseBench} from './parse-bench.mjs';
import {killAllSessions} from './pty-timing.mjs';
import {formatDuration, heading, note, printTargetTable, recordTarget} from './report.mjs';
import {runSearchBench} from './search-bench.mjs';
import {runSearchFrameBench} from './search-frame-bench.mjs';
import {runStartupBench} from './startup-bench.mjs';
import {runStoreBench} from './store-bench.mjs';
import {removeAllTempDirs} from './temp-dirs.mjs';

const SIZES = [100, 1000, 10_000, 50_000];
const QUIT_TARGET_MS = 500;

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.find(arg => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const wants = section => !only || only.has(section);

// Fewer repetitions for the big files keep the whole bench within a few minutes on 2 cores.
const runsFor = count => (quick ? 1 : count >= 50_000 ? 2 : count >= 10_000 ? 3 : 5);

function cleanUp() {
	killAllSessions();
	killNewsboat();
	removeAllTempDirs();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(signal, () => {
		cleanUp();
		process.exit(130);
	});
}
process.on('exit', cleanUp);

async function section(name, run) {
	try {
		return await run();
	} catch (error) {
		note(`${name} failed: ${error.message}`);
		return undefined;
	}
}

async function main() {
	const startedAt = performance.now();
	console.log('flashnews bench');
	console.log(machineLine());

	const feedsDir = fileURLToPath(new URL('out/feeds/', import.meta.url));
	const generatedAt = performance.now();
	const feeds = FORMATS.flatMap(format => SIZES.map(count => ({format, count, path: ensureFeed(feedsDir, format, count)})));
	note(`feeds ready in bench/out/feeds (${formatDuration(performance.now() - generatedAt)}; generated once, then reused)`);
	const feed = (format, count) => feeds.find(candidate => candidate.format === format && candidate.count === count);

	const built = await snapshotApp();
	if (built) note('app: a snapshot of dist/ in bench/out/app (a rebuild during the bench does not disturb it)');
	else note('dist/cli.js is missing or broken (did `npm run build` fail?): app figures are skipped');

	let startup = {warm: Number.NaN, cold: Number.NaN};
	if (built && wants('startup')) startup = (await section('start-up', () => runStartupBench({runs: quick ? 3 : 15}))) ?? startup;

	if (built && wants('npx')) await section('npx', () => runNpxBench({runs: quick ? 1 : 5}));

	let load = {};
	if (built && wants('load')) {
		load = (await section('load', () => runLoadBench(feeds, {runsFor}))) ?? {};
		printScaling(load, FORMATS, SIZES);
		printMemory(load, FORMATS, SIZES);
		if (!quick)
			await section('memory at 100k', () =>
				runLargeMemoryBench({label: 'RSS 100,000 items', path: ensureFeed(feedsDir, 'rss', 100_000), count: 100_000}),
			);
	}

	let newsboat = {times: {}, peakKb: {}};
	if (wants('newsboat'))
		newsboat =
			(await section('newsboat', () =>
				runNewsboatBench(
					feeds.filter(f => f.format === 'rss'),
					{runsFor},
				),
			)) ?? newsboat;
	if (load['rss:10000'] && newsboat.times[10_000]) {
		heading('flashnews vs newsboat (RSS, medians)');
		for (const count of SIZES) {
			const ours = load[`rss:${count}`];
			const theirs = newsboat.times[count];
			if (ours && theirs)
				note(
					`${count.toLocaleString('en-US').padStart(6)} items: flashnews first frame ${formatDuration(ours.time.median)}, whole list ${formatDuration(ours.whole.median)} vs newsboat ${formatDuration(theirs)} = ${(ours.time.median / theirs).toFixed(2)}x, ${(ours.whole.median / theirs).toFixed(2)}x`,
				);
		}
	}

	let keyRatio = Number.NaN;
	if (built && wants('keys')) {
		const sizes = [{label: 'RSS 10 items', count: 10, path: ensureFeed(feedsDir, 'rss', 10)}];
		for (const count of SIZES) sizes.push({label: `RSS ${count.toLocaleString('en-US')} items`, count, path: feed('rss', count).path});
		keyRatio = (await section('keypress', () => runKeypressBench({sizes, presses: quick ? 10 : 30}))) ?? Number.NaN;
		await section('bytes per keypress', () => runKeypressBytesBench({label: 'RSS 1,000 items', count: 1000, path: feed('rss', 1000).path}));
	}

	let keysVsNewsboat = null;
	if (built && wants('newsboatkeys')) {
		const sizes = [100, 10_000, 50_000].map(count => ({
			count,
			label: `RSS ${count.toLocaleString('en-US')} items`,
			path: feed('rss', count).path,
		}));
		keysVsNewsboat =
			(await section('keypress beside newsboat', () =>
				runNewsboatKeysBench({newsboatFeed: feed('rss', 10_000), sizes, presses: quick ? 10 : 80, rounds: quick ? 1 : 4}),
			)) ?? null;
	}

	let repeat = null;
	if (built && wants('repeat')) {
		// The reference is the smallest list that 150 presses do not run off the end of.
		const sizes = [1000, 50_000].map(count => ({
			count,
			label: `RSS ${count.toLocaleString('en-US')} items`,
			path: feed('rss', count).path,
		}));
		repeat = (await section('key repeat', () => runKeyRepeatBench(sizes, {runs: quick ? 1 : 3}))) ?? null;
	}

	let quitMs = Number.NaN;
	if (built && wants('quit'))
		quitMs =
			(await section('quit during load', () =>
				runQuitDuringLoadBench({label: 'RSS 50,000 items', path: feed('rss', 50_000).path, runs: quick ? 1 : 3}),
			)) ?? Number.NaN;

	let storeRatio = Number.NaN;
	if (wants('store')) storeRatio = (await section('store', () => runStoreBench({marks: quick ? 20 : 50}))) ?? Number.NaN;

	if (wants('parse')) {
		const parseFeeds = feeds.filter(f => f.count >= 10_000);
		await section('parse', () => runParseBench(parseFeeds, {runsFor: count => (quick ? 1 : count >= 50_000 ? 2 : 3)}));
	}

	let search = {median: Number.NaN, max: Number.NaN};
	if (wants('search'))
		search = (await section('search', () => runSearchBench(feed('rss', 50_000), feed('atom', 50_000), {rounds: quick ? 1 : 5}))) ?? search;

	let searchFrame = {frame: Number.NaN, frameMax: Number.NaN, matches: Number.NaN, matchesMax: Number.NaN, first: Number.NaN};
	if (built && wants('searchframe')) {
		const rss = {label: 'RSS 50,000 items', count: 50_000, path: feed('rss', 50_000).path};
		searchFrame = (await section('search keystroke to frame', () => runSearchFrameBench(rss, {rounds: quick ? 1 : 3}))) ?? searchFrame;
	}

	let cachedRatio = Number.NaN;
	if (built && wants('cached'))
		cachedRatio = (await section('cached start', () => runCachedStartBench({runs: quick ? 2 : 7}))) ?? Number.NaN;

	recordTarget({
		name: 'start-up / node -e 0',
		value: startup.warm,
		limit: 2,
		detail: 'code cache in place (every launch but the first)',
	});
	recordTarget({
		name: 'first start-up / node -e 0',
		value: startup.cold,
		limit: 2.6,
		detail: 'no code cache yet (first launch after install)',
	});
	const noNewsboat = Object.keys(newsboat.times).length === 0 && wants('newsboat') ? '(newsboat not installed)' : '';
	recordTarget({
		name: 'load RSS 10k / newsboat reload',
		value: (load['rss:10000']?.time.median ?? Number.NaN) / (newsboat.times[10_000] ?? Number.NaN),
		limit: 0.5,
		detail: noNewsboat || 'to the first frame (the articles parsed so far)',
	});
	recordTarget({
		name: 'load RSS 10k whole / newsboat',
		value: (load['rss:10000']?.whole.median ?? Number.NaN) / (newsboat.times[10_000] ?? Number.NaN),
		limit: 1,
		detail: noNewsboat || 'to the whole list: never slower than newsboat',
	});
	recordTarget({
		name: 'peak memory 50k RSS / newsboat',
		value: (load['rss:50000']?.peakKb.median ?? Number.NaN) / (newsboat.peakKb[50_000] ?? Number.NaN),
		limit: 1,
		detail: 'VmHWM once the whole list is shown / newsboat -x reload maxrss',
	});
	for (const format of FORMATS) {
		recordTarget({
			name: `load scaling ${format} 10k→50k (÷ linear)`,
			value: scaling(load, format, 10_000, 50_000),
			limit: 1.2,
			detail: '~linear or better',
		});
	}
	recordTarget({name: 'keypress 50k / 10 items', value: keyRatio, limit: 1.2});
	const againstNewsboat = (count, figure) =>
		(keysVsNewsboat?.[count]?.[figure] ?? Number.NaN) / (keysVsNewsboat?.newsboat[figure] ?? Number.NaN);
	recordTarget({name: 'keypress 10k / newsboat 10k (median)', value: againstNewsboat(10_000, 'median'), limit: 1, detail: '120x40, j/k'});
	recordTarget({name: 'keypress 10k / newsboat 10k (p90)', value: againstNewsboat(10_000, 'p90'), limit: 1});
	recordTarget({name: 'keypress 50k / newsboat 10k', value: againstNewsboat(50_000, 'median'), limit: 1, detail: 'median'});
	recordTarget({name: 'keypress 50k / newsboat 10k (p90)', value: againstNewsboat(50_000, 'p90'), limit: 1});
	recordTarget({
		name: 'keypress 50k / 100 items',
		value: (keysVsNewsboat?.[50_000]?.median ?? Number.NaN) / (keysVsNewsboat?.[100]?.median ?? Number.NaN),
		limit: 1.05,
		detail: 'medians, 120x40',
	});
	recordTarget({
		name: 'key repeat release lag, 50k',
		value: repeat?.[50_000] && repeat[50_000].wrong === 0 ? repeat[50_000].lag.max : Number.NaN,
		limit: 50,
		unit: 'ms',
		detail: `slowest of the runs; j at 30/s for 5 s, at most a frame and a key behind on release${repeat?.[50_000]?.wrong ? ' (selection ended in the wrong place: not met)' : ''}`,
	});
	recordTarget({name: 'q during 50k load → exit', value: quitMs, limit: QUIT_TARGET_MS, unit: 'ms'});
	recordTarget({name: 'setRead 50k stored / 10 stored', value: storeRatio, limit: 1.5});
	recordTarget({
		name: 'search keystroke, 50k articles',
		value: search.median,
		limit: 16.7,
		unit: 'ms',
		detail: 'median; one frame at 60 fps',
	});
	recordTarget({
		name: 'search keystroke, 50k (slowest)',
		value: search.max,
		limit: 50,
		unit: 'ms',
		detail: 'fast typing is a key per ~100 ms',
	});
	recordTarget({
		name: 'cached start 50k / newsboat print-unread',
		value: cachedRatio,
		limit: 1,
		detail: '100 subscriptions, first frame from the cache',
	});
	recordTarget({
		name: 'search key → frame, 50k (pty)',
		value: searchFrame.frame,
		limit: 50,
		unit: 'ms',
		detail: 'median; query line and header',
	});
	recordTarget({
		name: 'search key → frame, 50k (slowest)',
		value: searchFrame.frameMax,
		limit: 100,
		unit: 'ms',
		detail: 'no visible delay',
	});
	recordTarget({
		name: 'search key → matches, 50k (pty)',
		value: searchFrame.matches,
		limit: 100,
		unit: 'ms',
		detail: 'median; the list narrowed',
	});
	printTargetTable();
	note(`bench took ${Math.round((performance.now() - startedAt) / 1000)} s`);
}

main().then(
	() => {
		cleanUp();
		process.exit(0);
	},
	error => {
		console.error(error);
		cleanUp();
		process.exit(1);
	},
);
