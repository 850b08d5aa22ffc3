// Cost of marking one article read when the store already holds many read marks vs a few: the
// store is filled through its own API, closed and reopened (as on the next launch), then timed.
// Then a state file of about 200 MB: how long opening it takes, how long the event loop is held
// at most while a change is saved in the background, and how long quitting takes right after a change.
import fs from 'node:fs';
import path from 'node:path';
import {monitorEventLoopDelay, performance} from 'node:perf_hooks';
import {importBundled} from './bundle.mjs';
import {formatBytes, formatDuration, heading, note, statLine} from './report.mjs';
import {summarize} from './stats.mjs';
import {makeTempDir, removeTempDir} from './temp-dirs.mjs';

const FILL_BUDGET_MS = 120_000;

function fill(store, count) {
	const startedAt = performance.now();
	for (let index = 0; index < count; index++) {
		store.setRead(`urn:bench:read:${index}`, true);
		// A store that rewrites everything per mark would make a 50,000 fill quadratic: stop early.
		if (index === 999 && (performance.now() - startedAt) * (count / 1000) > FILL_BUDGET_MS) {
			throw new Error(
				`filling ${count} read marks would take over ${FILL_BUDGET_MS / 1000} s (first 1,000 took ${Math.round(performance.now() - startedAt)} ms)`,
			);
		}
	}
	store.flush();
	return performance.now() - startedAt;
}

/** Median time of `marks` setRead calls on a store reopened with `stored` read marks. */
async function measure(openStore, stored, marks) {
	const configDir = makeTempDir('flashnews-bench-store-');
	try {
		const filling = openStore({configDir});
		const fillMs = fill(filling, stored);
		filling.close();

		const openedAt = performance.now();
		const store = openStore({configDir});
		const openMs = performance.now() - openedAt;
		if (!store.isRead(`urn:bench:read:${stored - 1}`)) throw new Error(`reopened store lost read marks (of ${stored})`);
		const times = [];
		for (let index = 0; index < marks; index++) {
			const id = `urn:bench:fresh:${index}`;
			const startedAt = performance.now();
			store.setRead(id, true);
			times.push(performance.now() - startedAt);
		}
		const closedAt = performance.now();
		store.close();
		const closeMs = performance.now() - closedAt;
		return {fillMs, openMs, closeMs, setRead: summarize(times)};
	} finally {
		removeTempDir(configDir);
	}
}

async function waitUntil(condition, what) {
	const giveUpAt = Date.now() + 300_000;
	while (!condition()) {
		if (Date.now() > giveUpAt) throw new Error(`gave up waiting until ${what}`);
		await new Promise(resolve => setTimeout(resolve, 2));
	}
}

const identity = file => {
	const stats = fs.statSync(file);
	return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
};

/**
 * Opens a state file of about `megabytes` MB, marks one article read and waits until the change is
 * saved (the file replaced, no journal or lock left) while watching the event loop; then marks
 * another and quits at once. Exported so that the same figures can be taken of an older store.
 */
export async function measureLargeSave(openStore, megabytes) {
	const {writeLargeState} = await importBundled('test/store/large-state.ts', 'large-state');
	const configDir = makeTempDir('flashnews-bench-large-state-');
	try {
		const file = path.join(configDir, 'config.json');
		const {readMarks, bookmarks} = writeLargeState(file, megabytes);
		const bytes = fs.statSync(file).size;
		const openedAt = performance.now();
		const store = openStore({configDir, compactWhenIdleMs: 1, compactAtLeastEveryMs: 1});
		const openMs = performance.now() - openedAt;

		const before = identity(file);
		const saved = () =>
			identity(file) !== before && !fs.readdirSync(configDir).some(name => name.startsWith('journal.jsonl') || name === 'state.lock');
		const delays = monitorEventLoopDelay({resolution: 1});
		delays.enable();
		const savedAt = performance.now();
		store.setRead('urn:bench:large:saved', true);
		await waitUntil(saved, 'the change was saved');
		const saveMs = performance.now() - savedAt;
		delays.disable();

		store.setRead('urn:bench:large:quit', true);
		const closedAt = performance.now();
		store.close();
		const closeMs = performance.now() - closedAt;
		return {bytes, readMarks, bookmarks, openMs, saveMs, longestStallMs: delays.max / 1e6, closeMs};
	} finally {
		removeTempDir(configDir);
	}
}

/** Returns the ratio of median setRead times (large / small), NaN when the store is not there. */
export async function runStoreBench({small = 10, large = 50_000, marks = 50, largeStateMegabytes = 200} = {}) {
	heading(`Store: mark one article read (${marks} marks each, store reopened after filling)`);
	let openStore;
	try {
		({openStore} = await importBundled('src/store/open-store.ts', 'open-store'));
	} catch (error) {
		note(`store could not be bundled: ${error.message}`);
		return Number.NaN;
	}
	const results = {};
	for (const stored of [small, large]) {
		try {
			const result = await measure(openStore, stored, marks);
			results[stored] = result;
			statLine(
				`setRead with ${stored.toLocaleString('en-US')} read ids stored`,
				result.setRead,
				`(fill ${Math.round(result.fillMs)} ms, reopen ${result.openMs.toFixed(1)} ms, close with compaction ${result.closeMs.toFixed(1)} ms)`,
			);
		} catch (error) {
			note(`with ${stored} read ids: ${error.message}`);
		}
	}
	const ratio = results[large] && results[small] ? results[large].setRead.median / results[small].setRead.median : Number.NaN;
	note(`ratio ${large.toLocaleString('en-US')}/${small}: ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}x`);

	heading(`Store: saving a large state (about ${largeStateMegabytes} MB) without holding up keys`);
	try {
		const large = await measureLargeSave(openStore, largeStateMegabytes);
		note(
			`state file ${formatBytes(large.bytes)}: ${large.readMarks.toLocaleString('en-US')} read marks, ${large.bookmarks.toLocaleString('en-US')} bookmarks`,
		);
		note(`open (read and decoded at once, before the first frame)  ${formatDuration(large.openMs)}`);
		note(`save of one change in the background                     ${formatDuration(large.saveMs)}`);
		note(`longest event-loop stall during that save                ${formatDuration(large.longestStallMs)}`);
		note(`quit right after a change (close)                        ${formatDuration(large.closeMs)}`);
	} catch (error) {
		note(`large state: ${error.message}`);
	}
	return ratio;
}
