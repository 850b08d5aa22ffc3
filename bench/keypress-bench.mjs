// Keypress to frame: after the list is up, press `j` and `k` in turn, one at a time, and time each
// write until the frame it causes has been written (alternating, so even a 10-item list always
// redraws). Bytes per j/k in common terminal sizes: a move of the selection should rewrite the rows
// that changed, not the screen. And: `q` while a large file is still being parsed.
import {waitForWholeList, withApp} from './app-session.mjs';
import {NEWEST_MARKER} from './generate-feeds.mjs';
import {sleep, stripAnsi} from './pty-timing.mjs';
import {formatRatio, heading, note, statLine} from './report.mjs';
import {summarize} from './stats.mjs';

// Ink throttles renders (about 30 per second); pressing again sooner would time the throttle.
const GAP_MS = 60;
// Ten list rows (plus header, status and hint lines): a 10-item feed fills the window exactly as a
// 50,000-item one does, so the two differ only in how many articles there are.
const KEYPRESS_ROWS = 13;
const CLEAR_SCREEN = '\u001B[2J';

async function pressSeries({count, path}, presses) {
	return withApp(
		[path],
		async session => {
			await waitForWholeList(session, count);
			const times = [];
			const frameSizes = [];
			let missing = 0;
			let clears = 0;
			for (let index = 0; index < presses; index++) {
				const before = session.output.length;
				const ms = await session.timeKeypress(index % 2 === 0 ? 'j' : 'k', {quietMs: 15, timeoutMs: 2000});
				const frame = session.output.slice(before);
				if (ms === null) missing++;
				else times.push(ms);
				frameSizes.push(Buffer.byteLength(frame));
				if (frame.includes(CLEAR_SCREEN)) clears++;
				await sleep(GAP_MS);
			}
			return {times, missing, frameBytes: summarize(frameSizes).median, clears};
		},
		{rows: KEYPRESS_ROWS},
	);
}

/**
 * One series per size, in rounds (presses split between them) so a change in machine load during
 * the bench hits every size alike. `sizes` runs from the smallest feed to the largest.
 * @returns ratio of medians, largest / smallest
 */
export async function runKeypressBench({sizes, presses, rounds = 2}) {
	heading(
		`Keypress to frame: ${presses} presses of j and k in turn per size, one at a time, ${KEYPRESS_ROWS}-row terminal (${GAP_MS} ms apart; frame = output until 15 ms quiet; ${rounds} sessions each, alternating)`,
	);
	const collected = sizes.map(() => ({times: [], missing: 0, frameBytes: [], clears: 0}));
	for (let round = 0; round < rounds; round++) {
		const share = Math.ceil(presses / rounds);
		for (const [index, size] of sizes.entries()) {
			const result = await pressSeries(size, share);
			const into = collected[index];
			into.times.push(...result.times);
			into.missing += result.missing;
			into.frameBytes.push(result.frameBytes);
			into.clears += result.clears;
		}
	}
	const medians = [];
	for (const [index, {label}] of sizes.entries()) {
		const {times, missing, frameBytes, clears} = collected[index];
		const summary = summarize(times);
		medians.push(summary.median);
		const details = [`${summarize(frameBytes).median} bytes/frame`];
		if (clears > 0) details.push(`${clears} of ${times.length + missing} frames clear the whole screen`);
		if (missing > 0) details.push(`${missing} presses drew nothing`);
		statLine(label, summary, details.join(', '));
	}
	const ratio = medians.at(-1) / medians[0];
	note(`ratio ${sizes.at(-1).label} / ${sizes[0].label}: ${formatRatio(ratio)}`);
	return ratio;
}

// A move of the selection rewrites two rows (and the status line if it changes): this many bytes.
const BYTES_PER_MOVE_LIMIT = 400;
const BYTES_TERMINALS = [
	[120, 40],
	[200, 60],
];

/**
 * Bytes written for each of `presses` moves: down the list, then back up (never past a page). A
 * frame is all output until 50 ms of quiet, so a frame split by a busy machine still counts once.
 */
async function bytesPerMove({count, path}, [columns, rows], presses) {
	return withApp(
		[path],
		async session => {
			await waitForWholeList(session, count);
			const sizes = [];
			for (let index = 0; index < presses; index++) {
				const before = session.output.length;
				await session.timeKeypress(index < presses / 2 ? 'j' : 'k', {quietMs: 50, timeoutMs: 2000});
				sizes.push(Buffer.byteLength(session.output.slice(before)));
			}
			return sizes;
		},
		{rows, columns},
	);
}

/** Bytes per j/k at 120x40 and 200x60, each against the limit (PASS if no move took more). */
export async function runKeypressBytesBench({label, count, path, presses = 20}) {
	heading(`Bytes per j/k (${label}; ${presses} moves down then up, within the first page; limit ${BYTES_PER_MOVE_LIMIT})`);
	for (const terminal of BYTES_TERMINALS) {
		const sizes = await bytesPerMove({count, path}, terminal, presses);
		const summary = summarize(sizes);
		const verdict = summary.max <= BYTES_PER_MOVE_LIMIT ? 'PASS' : 'MISS';
		statLine(terminal.join('x'), summary, `${verdict} (most ${summary.max}, limit ${BYTES_PER_MOVE_LIMIT})`, bytes => `${bytes} B`);
	}
}

/** Launch, wait for the first drawn frame, press q: how long until the process is gone. */
async function quitWhileLoading(path) {
	return withApp([path], async session => {
		await session.waitForText(/\S/, 10_000);
		const listShown = stripAnsi(session.output).includes(NEWEST_MARKER);
		const firstScreen = stripAnsi(session.output).replace(/\s+/g, ' ').trim().slice(0, 60);
		const ms = await session.timeQuit('q', 10_000);
		return {ms, listShown, firstScreen};
	});
}

/** @returns median ms from `q` to exit during the load of `file` */
export async function runQuitDuringLoadBench({label, path, runs}) {
	heading(`Quit while loading ${label} (q as soon as the first frame is drawn)`);
	const results = [];
	for (let index = 0; index < runs; index++) results.push(await quitWhileLoading(path));
	const times = results.filter(result => result.ms !== null).map(result => result.ms);
	const summary = summarize(times);
	const shown = results.filter(result => result.listShown).length;
	statLine('q to exit', summary, results.length > times.length ? `${results.length - times.length} runs did not quit within 10 s` : '');
	note(
		`screen when q was pressed: "${results[0]?.firstScreen ?? ''}"${shown > 0 ? ` (list already shown in ${shown}/${runs} runs: not a during-load figure)` : ''}`,
	);
	return results.length > times.length ? Number.POSITIVE_INFINITY : summary.median;
}
