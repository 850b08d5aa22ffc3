// Search keystroke to frame in a real pty, over 50,000 articles: `/`, then a query typed one key at
// a time and erased again with Backspace. For each key: the frame it causes (the query line and
// header, drawn at once) and, later if the search takes longer than a keystroke's share, the frame
// that shows its matches. The first search also folds every article's text (the index is built on
// first use): timed on its own, from the first key until its matches are shown.
import {performance} from 'node:perf_hooks';
import xterm from '@xterm/headless';
import {waitForWholeList, withApp} from './app-session.mjs';
import {ROWS, sleep} from './pty-timing.mjs';
import {heading, note, statLine} from './report.mjs';
import {summarize} from './stats.mjs';

const QUERY = 'harbour minister';
// Ink throttles renders (about 30 per second); pressing again sooner would time the throttle.
const GAP_MS = 60;
const BACKSPACE = '\u007F';
// Wide enough that the header never cuts the search's counts.
const COLUMNS = 160;
const MATCHES = /search: (\S(?:[^·]*\S)?) · ([\d,]+) of ([\d,]+)/g;

/**
 * The header row as the terminal shows it. A keypress rewrites only the cells that changed, so the
 * bytes written never hold the whole header: they are played in a terminal emulator and read back.
 */
function headerOnScreen(session) {
	const terminal = new xterm.Terminal({cols: COLUMNS, rows: ROWS, allowProposedApi: true});
	let played = 0;
	return {
		async read() {
			const bytes = session.output.slice(played);
			played += bytes.length;
			if (bytes !== '') await new Promise(resolve => terminal.write(bytes, resolve));
			return terminal.buffer.active.getLine(0)?.translateToString(true) ?? '';
		},
		dispose: () => terminal.dispose(),
	};
}

/** Resolves with ms from `startedAt` until the header shows the matches of `query`; null after the timeout. */
async function matchesShown(header, query, startedAt, timeoutMs) {
	while (performance.now() - startedAt < timeoutMs) {
		for (const match of (await header.read()).matchAll(MATCHES)) {
			if (match[1] === query) return {ms: performance.now() - startedAt, count: `${match[2]} of ${match[3]}`};
		}
		await sleep(1);
	}
	return null;
}

/** One key: the first frame it causes, and when its matches are on screen (for a non-empty query). */
async function timeKey(session, header, key, query) {
	const startedAt = performance.now();
	const shown = query.trim() === '' ? Promise.resolve(null) : matchesShown(header, query.trim(), startedAt, 10_000);
	const frame = await session.timeKeypress(key, {quietMs: 15, timeoutMs: 3000});
	return {frame, shown: await shown};
}

async function searchSession({count: articleCount, path}, rounds) {
	return withApp(
		[path],
		async session => {
			await waitForWholeList(session, articleCount);
			const header = headerOnScreen(session);
			// For comparison: j and k in the same session, same screen.
			const listKeys = [];
			for (let index = 0; index < 10; index++) {
				listKeys.push(await session.timeKeypress(index % 2 === 0 ? 'j' : 'k', {quietMs: 15}));
				await sleep(GAP_MS);
			}
			await session.timeKeypress('/', {quietMs: 15});
			await sleep(GAP_MS);
			const first = await timeKey(session, header, QUERY[0], QUERY[0]);
			await session.waitQuiet(50, 10_000);
			await session.timeKeypress(BACKSPACE, {quietMs: 15});
			await sleep(GAP_MS);

			const frames = [];
			const results = [];
			let missing = 0;
			let count = '';
			for (let round = 0; round < rounds; round++) {
				let query = '';
				const keys = [...QUERY, ...Array.from(QUERY, () => BACKSPACE)];
				for (const key of keys) {
					query = key === BACKSPACE ? query.slice(0, -1) : query + key;
					const {frame, shown} = await timeKey(session, header, key, query);
					if (frame === null) missing++;
					else frames.push(frame);
					if (shown !== null) results.push(shown.ms);
					if (query === QUERY && shown !== null) count = shown.count;
					await session.waitQuiet(30, 10_000);
					await sleep(GAP_MS);
				}
			}
			header.dispose();
			return {first: first.shown?.ms ?? null, frames, results, missing, count, listKeys: listKeys.filter(ms => ms !== null)};
		},
		{columns: COLUMNS},
	);
}

/** @returns {{frame: number, frameMax: number, matches: number, matchesMax: number, first: number}} ms */
export async function runSearchFrameBench(feed, {rounds}) {
	heading(
		`Search keystroke to frame, ${feed.label} (real pty): "${QUERY}" typed and erased one key at a time, ${rounds} rounds (frame = output until 15 ms quiet)`,
	);
	const {first, frames, results, missing, count, listKeys} = await searchSession(feed, rounds);
	statLine('j/k on the list, for comparison', summarize(listKeys), 'same session and screen');
	statLine('first key, until matches shown', summarize(first === null ? [] : [first]), "folds every article's text first");
	const frame = summarize(frames);
	statLine('each key after: its frame', frame, missing > 0 ? `${missing} keys drew nothing` : 'query line and header');
	const matches = summarize(results);
	statLine('each key after: matches shown', matches, `"${QUERY}" shows ${count || 'n/a'}`);
	note("a search that does not fit in a keystroke's share goes on between keys; a key per ~100 ms is fast typing");
	return {frame: frame.median, frameMax: frame.max, matches: matches.median, matchesMax: matches.max, first: first ?? Number.NaN};
}
