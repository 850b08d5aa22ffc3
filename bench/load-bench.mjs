// Load: launch to the first frame of the list (the newest title on screen) per format and size,
// with the peak resident memory of the larger ones read just before quitting.
import {statSync} from 'node:fs';
import {withApp} from './app-session.mjs';
import {NEWEST_MARKER} from './generate-feeds.mjs';
import {formatBytes, formatDuration, heading, note, statLine} from './report.mjs';
import {repeat, summarize} from './stats.mjs';

const FORMAT_NAMES = {rss: 'RSS', atom: 'Atom', json: 'JSON Feed'};
const MEMORY_FROM = 10_000;

async function loadOnce(path, count, timeoutMs) {
	return withApp([path], async session => {
		const ms = await session.waitForText(NEWEST_MARKER, timeoutMs);
		// A large feed shows the articles parsed so far first; the header counts them all once it is loaded.
		const wholeMs = await session.waitForScreen(`${count} articles`, timeoutMs);
		let peakKb = Number.NaN;
		if (count >= MEMORY_FROM) {
			// Let the first frame's follow-up work (store, re-renders) finish before reading the peak.
			await session.waitQuiet(300, 30_000).catch(() => {});
			peakKb = session.peakRssKb();
		}
		return {ms, wholeMs, peakKb};
	});
}

/**
 * @param feeds {format, count, path}[]
 * @returns {Promise<Record<string, {time: object, peakKb: object, bytes: number}>>} keyed `${format}:${count}`
 */
export async function runLoadBench(feeds, {runsFor}) {
	heading(`Load: launch to first frame of the list (newest title "${NEWEST_MARKER}…" on screen), and to the whole list`);
	const results = {};
	for (const {format, count, path} of feeds) {
		const bytes = statSync(path).size;
		const runs = await repeat(runsFor(count), () => loadOnce(path, count, 120_000));
		const time = summarize(runs.map(run => run.ms));
		const whole = summarize(runs.map(run => run.wholeMs));
		const peakKb = summarize(runs.map(run => run.peakKb));
		results[`${format}:${count}`] = {time, whole, peakKb, bytes};
		const perThousand = formatDuration(time.median / (count / 1000));
		statLine(
			`${FORMAT_NAMES[format]} ${count.toLocaleString('en-US').padStart(6)} items (${formatBytes(bytes)})`,
			time,
			`${perThousand}/1k items; all ${count.toLocaleString('en-US')} in the list after ${formatDuration(whole.median)}`,
		);
	}
	return results;
}

/**
 * time(large)/time(small) divided by large/small, to the whole list (a large feed's first frame
 * comes before all of it is parsed): 1 is linear, below 1 sub-linear.
 */
export function scaling(results, format, small, large) {
	const a = results[`${format}:${small}`];
	const b = results[`${format}:${large}`];
	if (!a || !b) return Number.NaN;
	return b.whole.median / a.whole.median / (large / small);
}

export function printScaling(results, formats, sizes) {
	heading('Load scaling, to the whole list (time ratio ÷ size ratio; <= 1 is at most linear)');
	for (const format of formats) {
		const steps = [];
		for (let index = 1; index < sizes.length; index++) {
			const factor = scaling(results, format, sizes[index - 1], sizes[index]);
			steps.push(`${sizes[index - 1] / 1000}k→${sizes[index] / 1000}k ${Number.isFinite(factor) ? factor.toFixed(2) : 'n/a'}`);
		}
		note(`${FORMAT_NAMES[format].padEnd(10)} ${steps.join('   ')}`);
	}
}

export function printMemory(results, formats, sizes) {
	heading('Peak memory (VmHWM once the whole list is shown, before quitting)');
	for (const format of formats) {
		for (const count of sizes.filter(size => size >= MEMORY_FROM)) {
			const result = results[`${format}:${count}`];
			if (!result) continue;
			const mb = kb => `${(kb / 1024).toFixed(0)} MB`;
			statLine(
				`${FORMAT_NAMES[format]} ${count.toLocaleString('en-US')} items`,
				result.peakKb,
				`file ${formatBytes(result.bytes)}, peak ${((result.peakKb.median * 1024) / result.bytes).toFixed(1)}x file`,
				mb,
			);
		}
	}
}

/** One load of a feed beyond the sizes above, for its peak memory (and time, reported as well). */
export async function runLargeMemoryBench({label, path, count}) {
	heading(`Peak memory at ${label} (one load, VmHWM once the whole list is shown)`);
	const run = await loadOnce(path, count, 300_000);
	const bytes = statSync(path).size;
	note(
		`${label} (${formatBytes(bytes)}): peak ${(run.peakKb / 1024).toFixed(0)} MB, ${((run.peakKb * 1024) / bytes).toFixed(1)}x file; first frame after ${formatDuration(run.ms)}, whole list after ${formatDuration(run.wholeMs)}`,
	);
	return run.peakKb;
}
