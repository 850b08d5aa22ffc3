import {parseArgs, UsageError} from './cli/args.js';
import {leaveAlternateScreen} from './cli/alternate-screen.js';
import {bundledFeedPaths} from './cli/bundled-feeds.js';
import {resolveConfigDir} from './cli/config-dir.js';
import {warn, writeOut} from './cli/output.js';
import {printJson, printPlain} from './cli/print-articles.js';
import type {FeedResult} from './core/articles/article.js';
import {createSource} from './load/create-source.js';
import {createLoader} from './load/loader.js';
import {openStore} from './store/open-store.js';

let debug = false;

/** What the launcher (src/launcher.ts) wants to hear about. */
export type LaunchHooks = {
	/** The interactive reader has closed; the process is about to exit. */
	onReaderClosed?(): void;
};

async function main(argv: string[], hooks: LaunchHooks): Promise<number> {
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

	const interactive = !args.json && !args.plain && args.command === 'read' && process.stdout.isTTY && process.stdin.isTTY;
	const store = openStore({configDir: resolveConfigDir(args.configDir)});
	// Notices (a damaged file moved aside, a failed save) go to stderr: at once when printing, and
	// after the reader closes (where the status line showed them) so they stay in the scrollback.
	let noticesShown = 0;
	const showNotices = () => {
		for (const notice of store.notices.slice(noticesShown)) warn(notice);
		noticesShown = store.notices.length;
	};
	if (!interactive) showNotices();

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
		// The one place loaded articles are reported to the store as current (it prunes old read marks).
		const loader = createLoader(
			paths.map(arg => createSource(arg)),
			{onLoaded: articles => store.noteSeen(articles.map(article => article.id))},
		);

		if (interactive) {
			const {runReader} = await import('./cli/run-reader.js');
			const failures = await runReader(loader, store);
			try {
				hooks.onReaderClosed?.();
			} catch {
				// Housekeeping after the reader closed must not turn a clean quit into a failure.
			}
			reportProblems(failures);
			return failures.length > 0 ? 1 : 0;
		}

		const results = await loader.settled();
		reportProblems(results);
		const {articles} = loader.snapshot();
		if (args.json) printJson(articles, store);
		else printPlain(articles);
		return results.some(result => !result.ok) ? 1 : 0;
	} finally {
		store.close();
		showNotices();
	}
}

/** One line per failed source and per warning (items skipped, limits hit) of the others. */
function reportProblems(results: FeedResult[]): void {
	for (const result of results) {
		if (!result.ok) warn(`${result.source}: ${result.error}`);
		else for (const warning of result.warnings) warn(`${result.source}: ${warning}`);
	}
}

function crash(error: unknown): never {
	leaveAlternateScreen();
	if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? error.message}\n`);
	else warn(`unexpected error: ${error instanceof Error ? error.message : String(error)} (run with --debug for details)`);
	process.exit(1);
}

/** Runs one command line to its end, then exits the process with its exit code. */
export function runCli(argv: string[], hooks: LaunchHooks = {}): void {
	debug = argv.includes('--debug');
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	// Exit explicitly: a finished run must not wait on a lingering handle (a parse worker, stdin).
	main(argv, hooks).then(code => process.exit(code), crash);
}
