// Parse time per format: rss-parser on its own vs the project's parseFeed (decode, detect, parse,
// normalize), both in this process on bytes already in memory.
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import Parser from 'rss-parser';
import {importBundled} from './bundle.mjs';
import {heading, note, statLine} from './report.mjs';
import {repeat, summarize} from './stats.mjs';

const FORMAT_NAMES = {rss: 'RSS', atom: 'Atom', json: 'JSON Feed'};

async function timeOnce(task) {
	const startedAt = performance.now();
	const result = await task();
	return {ms: performance.now() - startedAt, result};
}

/** rss-parser reads XML only; for JSON Feed the honest baseline is JSON.parse itself. */
function baselineFor(format) {
	if (format === 'json') return {label: 'JSON.parse', run: bytes => JSON.parse(Buffer.from(bytes).toString('utf8')).items.length};
	const parser = new Parser();
	return {label: 'rss-parser', run: async bytes => (await parser.parseString(Buffer.from(bytes).toString('utf8'))).items.length};
}

/** @param feeds {format, count, path}[]; returns median ms keyed `${format}:${count}` per parser. */
export async function runParseBench(feeds, {runsFor}) {
	heading('Parse time per parser (in-process, file already in memory)');
	let parseFeed;
	try {
		({parseFeed} = await importBundled('src/core/parse-feed.ts', 'parse-feed'));
	} catch (error) {
		note(`parseFeed could not be bundled: ${error.message}`);
	}
	const results = {};
	for (const {format, count, path} of feeds) {
		const bytes = new Uint8Array(readFileSync(path));
		const runs = runsFor(count);
		const name = `${FORMAT_NAMES[format]} ${count.toLocaleString('en-US')}`;
		const baseline = baselineFor(format);
		const baselineTimes = await repeat(runs, async () => {
			const {ms, result} = await timeOnce(() => baseline.run(bytes));
			if (result !== count) throw new Error(`${baseline.label} found ${result} items in ${path}, expected ${count}`);
			return ms;
		});
		const baselineSummary = summarize(baselineTimes);
		statLine(`${name}: ${baseline.label}`, baselineSummary);
		if (!parseFeed) continue;
		const projectTimes = await repeat(runs, async () => {
			const {ms, result} = await timeOnce(() => parseFeed(bytes, path));
			if (!result.ok) throw new Error(`parseFeed failed on ${path}: ${result.error}`);
			if (result.articles.length !== count) note(`parseFeed returned ${result.articles.length} articles from ${path}, expected ${count}`);
			return ms;
		});
		const projectSummary = summarize(projectTimes);
		statLine(`${name}: parseFeed`, projectSummary, `${(projectSummary.median / baselineSummary.median).toFixed(2)}x ${baseline.label}`);
		results[`${format}:${count}`] = {baseline: baselineSummary.median, parseFeed: projectSummary.median};
	}
	return results;
}
