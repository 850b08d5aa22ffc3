#!/usr/bin/env node
import chalk from 'chalk';
import {parseArgs, UsageError} from './cli/args.js';
import {bundledFeedPaths} from './cli/bundled-feeds.js';
import {resolveConfigDir} from './cli/config-dir.js';
import {warn, writeOut} from './cli/output.js';
import {printJson, printPlain} from './cli/print-articles.js';
import type {FeedResult} from './core/article.js';
import {mergeArticles} from './core/merge-articles.js';
import {createSource, loadSources, startLoading} from './core/sources.js';
import {openStore} from './store/open-store.js';

let debug = process.argv.includes('--debug');

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		warn(`${error.message} (see flashnews --help)`);
		return 2;
	}
	if ('help' in args) {
		writeOut(`${args.help}\n`);
		return 0;
	}
	if ('version' in args) {
		writeOut(`${args.version}\n`);
		return 0;
	}
	debug = args.debug;
	if (process.env.NO_COLOR) chalk.level = 0;

	const interactive = !args.json && !args.plain && args.command === 'read' && process.stdout.isTTY && process.stdin.isTTY;
	const store = openStore({configDir: resolveConfigDir(args.configDir)});
	if (!interactive) for (const notice of store.notices) warn(notice);

	try {
		if (args.command === 'bookmarks') {
			const saved = store.bookmarks();
			if (args.json) printJson(saved, store);
			else printPlain(saved);
			return 0;
		}

		const paths = args.sources.length > 0 ? args.sources : bundledFeedPaths();
		if (paths.length === 0) {
			warn('no feeds to read: pass a feed file (see flashnews --help)');
			return 1;
		}
		const sources = paths.map(arg => createSource(arg));

		if (interactive) {
			const loading = startLoading(sources);
			const {runReader} = await import('./cli/run-reader.js');
			const failures = await runReader(loading, store);
			reportFailures(failures);
			return failures.length > 0 ? 1 : 0;
		}

		const results = await loadSources(sources);
		reportFailures(results);
		const articles = mergeArticles(results);
		store.noteSeen(articles.map(article => article.id));
		if (args.json) printJson(articles, store);
		else printPlain(articles);
		return results.some(result => !result.ok) ? 1 : 0;
	} finally {
		store.close();
	}
}

function reportFailures(results: FeedResult[]): void {
	for (const result of results) if (!result.ok) warn(`${result.source}: ${result.error}`);
}

function crash(error: unknown): never {
	if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? error.message}\n`);
	else warn(`unexpected error: ${error instanceof Error ? error.message : String(error)} (run with --debug for details)`);
	process.exit(1);
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// Exit explicitly: a finished run must not wait on a lingering handle (a parse worker, stdin).
main(process.argv.slice(2)).then(code => process.exit(code), crash);
