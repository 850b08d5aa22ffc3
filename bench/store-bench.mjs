// Cost of marking one article read when the store already holds many read marks vs a few: the
// store is filled through its own API, closed and reopened (as on the next launch), then timed.
import {performance} from 'node:perf_hooks';
import {importBundled} from './bundle.mjs';
import {heading, note, statLine} from './report.mjs';
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

/** Returns the ratio of median setRead times (large / small), NaN when the store is not there. */
export async function runStoreBench({small = 10, large = 50_000, marks = 50} = {}) {
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
	return ratio;
}
