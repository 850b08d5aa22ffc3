import {render} from 'ink';
import type {FeedResult} from '../core/article.js';
import {settledResults, settleLoad, type Source} from '../core/sources.js';
import type {ReaderStore} from '../store/types.js';
import {ReaderApp} from '../ui/app.js';

/** Runs the interactive reader until the user quits; resolves to the failed sources' results. */
export async function runReader(sources: Source[], store: ReaderStore): Promise<FeedResult[]> {
	const failures: FeedResult[] = [];
	const watched = sources.map(source => {
		const result = settleLoad(source).then(settled => {
			if (!settled.ok) failures.push(settled);
			return settled;
		});
		return {...source, load: () => result};
	});

	// Feeds that finished loading while the interface code loaded are in the very first frame.
	const initialResults = await settledResults(watched);
	// Ink 6.8's incrementalRendering left stale lines on screen when switching views (seen in
	// tmux), so each frame is written whole; 60 fps keeps a held key smooth.
	const app = render(<ReaderApp sources={watched} store={store} initialResults={initialResults} />, {
		exitOnCtrlC: true,
		maxFps: 60,
	});

	const onSignal = (signal: NodeJS.Signals) => {
		store.close();
		app.unmount();
		process.exit(signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 130);
	};
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.once(signal, onSignal);

	try {
		await app.waitUntilExit();
	} finally {
		store.close();
	}
	return failures;
}
