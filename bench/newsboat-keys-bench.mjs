// Keypress to frame beside newsboat: the same 120x40 pty, j and k in turn, one at a time, each
// write timed until the frame it causes has been written (output until 15 ms quiet), as
// keypress-bench.mjs times ours. newsboat reads the 10k RSS file from a cache made beforehand with
// `-x reload` and shows it in its article list; ours shows 100, 10k and 50k items.
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {waitForWholeList, withApp} from './app-session.mjs';
import {newsboatVersion} from './newsboat-bench.mjs';
import {launch, sleep, terminalEnv} from './pty-timing.mjs';
import {formatDuration, formatRatio, heading, note, statLine} from './report.mjs';
import {summarize} from './stats.mjs';
import {makeTempDir} from './temp-dirs.mjs';

export const KEY_COLUMNS = 120;
export const KEY_ROWS = 40;
// Ink throttles renders; pressing again sooner would time the throttle.
const GAP_MS = 60;
const QUIET_MS = 15;
// Untimed presses first: a 100-item list is up before V8 has optimized the drawing code, which a
// long load warms up with its progress frames, so without them the small feed times a cold start.
const WARMUP_PRESSES = 20;
// newsboat 2.21 binds j and k to the next and previous feed; these make them move the selection,
// as they do in ours.
const NEWSBOAT_CONFIG = 'bind-key j down\nbind-key k up\n';

/** j and k in turn, `presses` times: ms per frame, and the median bytes a frame took. */
export async function pressAlternating(session, presses) {
	const times = [];
	const frameSizes = [];
	let missing = 0;
	for (let index = 0; index < presses; index++) {
		const before = session.output.length;
		const ms = await session.timeKeypress(index % 2 === 0 ? 'j' : 'k', {quietMs: QUIET_MS, timeoutMs: 2000});
		if (ms === null) missing++;
		else times.push(ms);
		frameSizes.push(Buffer.byteLength(session.output.slice(before)));
		await sleep(GAP_MS);
	}
	return {times, frameSizes, missing};
}

/** A private newsboat home whose cache holds `feedPath`, filled by `newsboat -x reload`. */
function prepareNewsboat(feedPath) {
	const home = makeTempDir('flashnews-bench-newsboat-keys-');
	const urls = path.join(home, 'urls');
	const config = path.join(home, 'config');
	writeFileSync(urls, `${pathToFileURL(feedPath).href}\n`);
	writeFileSync(config, NEWSBOAT_CONFIG);
	const args = ['-u', urls, '-c', path.join(home, 'cache.db'), '-C', config];
	const dirs = {HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home};
	const reload = spawnSync('newsboat', ['-x', 'reload', ...args], {env: {...process.env, ...dirs}, encoding: 'utf8', timeout: 300_000});
	if (reload.status !== 0)
		throw new Error(`newsboat -x reload exited with ${reload.status}: ${(reload.stderr ?? '').trim().slice(0, 200)}`);
	return {args, env: terminalEnv(dirs)};
}

async function newsboatSeries(prepared, presses) {
	const session = launch('newsboat', prepared.args, {env: prepared.env, cols: KEY_COLUMNS, rows: KEY_ROWS});
	try {
		await session.waitForText('Your feeds', 60_000);
		await session.waitQuiet(200, 30_000);
		session.write('\r');
		await session.waitForText('Articles in feed', 60_000);
		await session.waitQuiet(300, 30_000);
		await pressAlternating(session, WARMUP_PRESSES);
		return await pressAlternating(session, presses);
	} finally {
		if ((await session.timeQuit('Q', 3000)) === null) session.kill();
	}
}

function oursSeries({count, path: feedPath}, presses) {
	return withApp(
		[feedPath],
		async session => {
			await waitForWholeList(session, count);
			await pressAlternating(session, WARMUP_PRESSES);
			return pressAlternating(session, presses);
		},
		{rows: KEY_ROWS, columns: KEY_COLUMNS},
	);
}

function printSeries(label, {times, frameSizes, missing}) {
	const summary = summarize(times);
	const details = [`p90 ${formatDuration(summary.p90)}`, `${summarize(frameSizes).median} bytes/frame`];
	if (missing > 0) details.push(`${missing} presses drew nothing`);
	statLine(label, summary, details.join(', '));
	return summary;
}

/**
 * `newsboatFeed` is the 10k RSS file; `sizes` ours, smallest first ({count, label, path}). Sessions
 * run in rounds, newsboat and each size in turn, so a change in machine load hits all alike; each
 * session times `presses / rounds` presses after its untimed ones. How far V8 has got with
 * compiling the drawing code differs from one fresh process to the next, so a figure drawn from
 * few sessions follows that luck more than the code.
 * @returns summaries keyed 'newsboat' and by item count; null when newsboat is missing
 */
export async function runNewsboatKeysBench({newsboatFeed, sizes, presses, rounds = 4}) {
	const share = Math.ceil(presses / rounds);
	heading(
		`Keypress to frame beside newsboat: j and k in turn, ${KEY_COLUMNS}x${KEY_ROWS} pty, ${rounds} fresh session${rounds === 1 ? '' : 's'} each (alternating), each timing presses ${WARMUP_PRESSES + 1} to ${WARMUP_PRESSES + share} (${GAP_MS} ms apart; frame = output until ${QUIET_MS} ms quiet)`,
	);
	const version = newsboatVersion();
	if (!version) {
		note('newsboat not installed (apt-get install newsboat)');
		return null;
	}
	note(`${version}, article list of RSS ${newsboatFeed.count.toLocaleString('en-US')} items from its cache (-x reload beforehand)`);
	const prepared = prepareNewsboat(newsboatFeed.path);
	const empty = () => ({times: [], frameSizes: [], missing: 0});
	const collected = {newsboat: empty(), ...Object.fromEntries(sizes.map(({count}) => [count, empty()]))};
	const add = (into, result) => {
		into.times.push(...result.times);
		into.frameSizes.push(...result.frameSizes);
		into.missing += result.missing;
	};
	for (let round = 0; round < rounds; round++) {
		add(collected.newsboat, await newsboatSeries(prepared, share));
		for (const size of sizes) add(collected[size.count], await oursSeries(size, share));
	}
	const summaries = {newsboat: printSeries(`newsboat, RSS ${newsboatFeed.count.toLocaleString('en-US')} items`, collected.newsboat)};
	for (const {count, label} of sizes) summaries[count] = printSeries(`flashnews, ${label}`, collected[count]);
	const reference = summaries.newsboat;
	for (const {count, label} of sizes) {
		const ours = summaries[count];
		note(`${label} / newsboat: median ${formatRatio(ours.median / reference.median)}, p90 ${formatRatio(ours.p90 / reference.p90)}`);
	}
	return summaries;
}
