// Search as you type over 50,000 articles, in-process: builds the search index of a parsed feed,
// then "types" a query one character at a time (and deletes it again), timing each keystroke's
// search. Then what searching bodies costs: an Atom feed whose text is all in the article body,
// indexed with and without it. (The reader's own keystroke-to-frame figure is search-frame-bench.)
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {importBundled} from './bundle.mjs';
import {formatBytes, heading, note, statLine} from './report.mjs';
import {summarize} from './stats.mjs';

const QUERY = 'harbour minister';

function typedQueries() {
	const queries = [];
	for (let length = 1; length <= QUERY.length; length++) queries.push(QUERY.slice(0, length));
	for (let length = QUERY.length - 1; length >= 0; length--) queries.push(QUERY.slice(0, length));
	return queries;
}

/** Index builds and keystroke times over `rounds`, each round a fresh index. */
function measure(articles, createSearch, textOf, rounds) {
	const builds = [];
	const keystrokes = [];
	let shown = 0;
	let characters = 0;
	for (let round = 0; round < rounds; round++) {
		let startedAt = performance.now();
		const search = createSearch(articles, textOf);
		builds.push(performance.now() - startedAt);
		for (const query of typedQueries()) {
			startedAt = performance.now();
			const found = search.run(query);
			keystrokes.push(performance.now() - startedAt);
			if (query === QUERY) shown = found.length;
		}
	}
	for (const article of articles) characters += textOf(article).length;
	return {builds: summarize(builds), keystrokes: summarize(keystrokes), shown, characters};
}

async function parsed(parseFeed, path) {
	const result = await parseFeed(readFileSync(path), path);
	if (!result.ok) throw new Error(`could not parse ${path}: ${result.error}`);
	return result.articles;
}

function report(label, figures) {
	statLine(
		`${label}: index`,
		figures.builds,
		`${(figures.characters / 1e6).toFixed(1)} M characters (~${formatBytes(figures.characters)})`,
	);
	statLine(
		`${label}: one keystroke`,
		figures.keystrokes,
		`slowest ${figures.keystrokes.max.toFixed(1)} ms; "${QUERY}" matches ${figures.shown.toLocaleString('en-US')}`,
	);
}

/** Returns the median and slowest keystroke in milliseconds (RSS, as the reader indexes it). */
export async function runSearchBench(rssFeed, atomFeed, {rounds}) {
	heading(`Search as you type: "${QUERY}" typed and deleted, one character at a time (in-process)`);
	const [{parseFeed}, {createSearch, searchText, foldForSearch}] = await Promise.all([
		importBundled('src/core/parse-feed.ts', 'parse-feed'),
		importBundled('src/core/search/search.ts', 'search'),
	]);
	const rss = await parsed(parseFeed, rssFeed.path);
	const rssFigures = measure(rss, createSearch, searchText, rounds);
	report(`RSS ${rss.length.toLocaleString('en-US')}`, rssFigures);

	const atom = await parsed(parseFeed, atomFeed.path);
	const withoutBody = article =>
		foldForSearch([article.title, article.author ?? '', article.feed, article.section ?? '', article.categories.join(' ')].join('\n'));
	report(`Atom ${atom.length.toLocaleString('en-US')}, bodies`, measure(atom, createSearch, searchText, rounds));
	report(`Atom ${atom.length.toLocaleString('en-US')}, no bodies`, measure(atom, createSearch, withoutBody, rounds));
	note(
		'a frame at 60 fps is 16.7 ms; typing fast is about one key per 100 ms; the reader folds texts once, on the first search, in slices between keys',
	);
	return {median: rssFigures.keystrokes.median, max: rssFigures.keystrokes.max};
}
