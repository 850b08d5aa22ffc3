// Holding a key down: `j` written at key-repeat pace (30 a second for 5 s) without waiting for
// frames, then how long after the last write the output goes on (the lag when the key is
// released), and whether the selection ended where the presses put it. A reader that queues keys
// it cannot draw in time shows up as a lag of many frames.
import {performance} from 'node:perf_hooks';
import {waitForWholeList, withApp} from './app-session.mjs';
import {KEY_COLUMNS, KEY_ROWS} from './newsboat-keys-bench.mjs';
import {sleep, stripAnsi} from './pty-timing.mjs';
import {formatDuration, heading, note, statLine} from './report.mjs';
import {summarize} from './stats.mjs';

const REPEAT_MS = 33;
const PRESSES = 150;
// Longer than Ink's gap between throttled frames, so a backlog still being drawn is not taken for quiet.
const SETTLED_MS = 250;
// The article view says "article N of M": where the selection is, whatever the list scrolled to.
const POSITION = /article (\d+) of (\d+)/g;

/** Writes all but the last press at the repeat pace, each on its own schedule so the pace does not drift. */
async function holdKey(session, key, presses) {
	const startedAt = performance.now();
	for (let index = 0; index < presses - 1; index++) {
		const due = startedAt + index * REPEAT_MS;
		const wait = due - performance.now();
		if (wait > 0) await sleep(wait);
		session.write(key);
	}
	const due = startedAt + (presses - 1) * REPEAT_MS;
	const wait = due - performance.now();
	if (wait > 0) await sleep(wait);
	return performance.now() - startedAt;
}

/** The position the article view shows after Enter on the selection (1-based), or null. */
async function openedPosition(session) {
	const before = session.output.length;
	await session.timeKeypress('\r', {quietMs: 100, timeoutMs: 5000});
	const shown = [...stripAnsi(session.output.slice(before)).matchAll(POSITION)].at(-1);
	session.write('q');
	return shown ? Number(shown[1]) : null;
}

async function holdOnce(feed) {
	return withApp(
		[feed.path],
		async session => {
			await waitForWholeList(session, feed.count);
			const heldFor = await holdKey(session, 'j', PRESSES);
			// The last press, then wait for quiet: the lag after release (none if nothing was left to draw).
			const before = session.output.length;
			const releasedAt = performance.now();
			session.write('j');
			await session.waitQuiet(SETTLED_MS, 60_000);
			const lag = Math.max(0, session.lastDataAt - releasedAt);
			const bytesAfter = Buffer.byteLength(session.output.slice(before));
			const position = await openedPosition(session);
			const expected = Math.min(PRESSES, feed.count - 1) + 1;
			return {lag, bytesAfter, heldFor, position, expected};
		},
		{rows: KEY_ROWS, columns: KEY_COLUMNS},
	);
}

/**
 * `feeds`: [{count, label, path}]; each held `runs` times, in rounds.
 * @returns per count: {lag (summary), wrong (runs whose selection ended elsewhere)}
 */
export async function runKeyRepeatBench(feeds, {runs}) {
	heading(
		`Key repeat: j every ${REPEAT_MS} ms, ${PRESSES} presses (${((PRESSES * REPEAT_MS) / 1000).toFixed(1)} s) without waiting for frames, ${KEY_COLUMNS}x${KEY_ROWS} pty; lag = last write to last byte drawn (${SETTLED_MS} ms quiet)`,
	);
	const results = new Map(feeds.map(feed => [feed.count, []]));
	for (let round = 0; round < runs; round++) {
		for (const feed of feeds) results.get(feed.count).push(await holdOnce(feed));
	}
	const figures = {};
	for (const feed of feeds) {
		const held = results.get(feed.count);
		const wrong = held.filter(result => result.position !== result.expected);
		const lag = summarize(held.map(result => result.lag));
		const where =
			wrong.length === 0
				? `selection at article ${held[0].expected} as it should be`
				: `selection wrong in ${wrong.length}/${held.length} runs (shown ${wrong.map(result => result.position ?? '?').join(', ')}, expected ${held[0].expected})`;
		const drawn = summarize(held.map(result => result.bytesAfter));
		statLine(`release lag, ${feed.label}`, lag, `${where}; ${drawn.median} bytes drawn after release (max ${drawn.max})`);
		figures[feed.count] = {lag, wrong: wrong.length};
	}
	const pace = summarize(results.get(feeds[0].count).map(result => result.heldFor));
	note(
		`writes took ${formatDuration(pace.median)} for ${PRESSES - 1} repeat intervals (${formatDuration((PRESSES - 1) * REPEAT_MS)} planned)`,
	);
	return figures;
}
