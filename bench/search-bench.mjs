// Search as you type over 50,000 articles: builds the search index of a parsed feed, then "types" a
// query one character at a time (and deletes it again), timing each keystroke's search. The
// reader's `/` search is a later issue; this measures the core it will run on each key.
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {importBundled} from './bundle.mjs';
import {heading, note, statLine} from './report.mjs';
import {summarize} from './stats.mjs';

const QUERY = 'harbour minister';

/** Returns the median and slowest keystroke in milliseconds. */
export async function runSearchBench(feed, {rounds}) {
	heading(`Search as you type: "${QUERY}" typed and deleted, one character at a time (in-process)`);
	const [{parseFeed}, {createSearch}] = await Promise.all([
		importBundled('src/core/parse-feed.ts', 'parse-feed'),
		importBundled('src/core/search/search.ts', 'search'),
	]);
	const result = await parseFeed(readFileSync(feed.path), feed.path);
	if (!result.ok) throw new Error(`could not parse ${feed.path}: ${result.error}`);
	const {articles} = result;

	const builds = [];
	const keystrokes = [];
	let shown = 0;
	for (let round = 0; round < rounds; round++) {
		let startedAt = performance.now();
		const search = createSearch(articles);
		builds.push(performance.now() - startedAt);
		const queries = [];
		for (let length = 1; length <= QUERY.length; length++) queries.push(QUERY.slice(0, length));
		for (let length = QUERY.length - 1; length >= 0; length--) queries.push(QUERY.slice(0, length));
		for (const query of queries) {
			startedAt = performance.now();
			const found = search.run(query);
			keystrokes.push(performance.now() - startedAt);
			if (query === QUERY) shown = found.length;
		}
	}
	statLine(`index ${articles.length.toLocaleString('en-US')} articles`, summarize(builds), '(once per change of the list)');
	const summary = summarize(keystrokes);
	statLine('one keystroke', summary, `slowest ${summary.max.toFixed(1)} ms; "${QUERY}" matches ${shown.toLocaleString('en-US')}`);
	note('a frame at 60 fps is 16.7 ms; typing fast is about one key per 100 ms');
	return {median: summary.median, max: summary.max};
}
