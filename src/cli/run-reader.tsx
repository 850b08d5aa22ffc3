import {render} from 'ink';
import type {FeedResult} from '../core/article.js';
import type {Source} from '../core/sources.js';
import type {ReaderStore} from '../store/types.js';
import {ReaderApp} from '../ui/app.js';

/** Runs the interactive reader until the user quits; resolves to the failed sources' results. */
export async function runReader(sources: Source[], store: ReaderStore): Promise<FeedResult[]> {
	const failures: FeedResult[] = [];
	const watched = sources.map(source => ({
		...source,
		async load() {
			const result = await source.load();
			if (!result.ok) failures.push(result);
			return result;
		},
	}));

	const app = render(<ReaderApp sources={watched} store={store} />, {exitOnCtrlC: true});

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
