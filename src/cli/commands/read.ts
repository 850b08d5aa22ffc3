import {createLoader} from '../../load/loader.js';
import {readSources} from '../feed-sources.js';
import {paintFirstFrame} from '../first-paint.js';
import {warn} from '../output.js';
import {printJson, printPlain} from '../print-articles.js';
import {readerSetup} from '../reader-setup.js';
import {reportProblems} from '../report-problems.js';
import {loadSettings} from '../settings/load-settings.js';
import type {CommandContext, ExitStatus} from './context.js';

/** `flashnews [SOURCE...]`: the reader on a terminal, else the articles printed. */
export async function readCommand(context: CommandContext): Promise<ExitStatus> {
	const {args, store} = context;
	const {sources} = readSources(args, store, context.configDir);
	if (sources.length === 0) {
		warn('no feeds to read: pass a feed file or URL, or subscribe with flashnews add (see flashnews --help)');
		return 1;
	}
	// The one place loaded articles are reported to the store as current (it prunes old read marks).
	const loader = createLoader(sources, {onLoaded: articles => store.noteSeen(articles.map(article => article.id))});

	if (context.interactive) {
		const settings = loadSettings(context.configDir);
		const setup = readerSetup(settings);
		// Before Ink and React load: the list shows while they do.
		const painted = await paintFirstFrame(loader, store, setup);
		const {runReader} = await import('../run-reader.js');
		const failures = await runReader(loader, store, setup, painted);
		// The status line showed them; here they stay in the scrollback.
		for (const problem of settings.problems) warn(problem);
		try {
			context.onReaderClosed();
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
}
