import {render} from 'ink';
import type {FeedResult} from '../core/articles/article.js';
import type {Loader} from '../load/loader.js';
import {clipboardSequence, hyperlinksEnabled} from '../present/terminal-links.js';
import {layoutEngineReady} from '../shims/layout-engine-ready.js';
import type {ReaderStore} from '../store/types.js';
import {ReaderApp} from '../ui/app.js';
import type {LinkHandlers} from '../ui/links/link-handlers.js';
import {enterAlternateScreen, leaveAlternateScreen} from './alternate-screen.js';
import {type FirstPaint, prepareInkForFirstPaint} from './first-paint.js';
import {incrementalRenderingFixed} from './ink-patches.js';
import {openInBrowser} from './links/open-link.js';
import type {ReaderSetup} from './reader-setup.js';
import {onExitSignal} from './signal-exit.js';

const links: LinkHandlers = {
	open: url => openInBrowser(url),
	// Between two of Ink's frames; the sequence moves no cursor, so the frame stays as drawn.
	copy: text => void process.stdout.write(clipboardSequence(text)),
};

/** Runs the interactive reader until the user quits; resolves to the failed and unfinished sources' results. */
export async function runReader(loader: Loader, store: ReaderStore, setup: ReaderSetup, painted?: FirstPaint): Promise<FeedResult[]> {
	await layoutEngineReady();
	prepareInkForFirstPaint(painted);
	enterAlternateScreen();
	const app = render(
		<ReaderApp
			loader={loader}
			store={store}
			keymap={setup.keymap}
			theme={setup.theme}
			notices={setup.notices}
			links={links}
			hyperlinks={hyperlinksEnabled()}
			now={setup.now}
		/>,
		{
			exitOnCtrlC: true,
			// A held key stays smooth; a keypress rewrites the rows it changed, not the screen.
			maxFps: 60,
			incrementalRendering: incrementalRenderingFixed(),
		},
	);

	onExitSignal((_signal, status) => {
		store.close();
		app.unmount();
		leaveAlternateScreen();
		process.exit(status);
	});
	painted?.handOver();

	try {
		await app.waitUntilExit();
	} finally {
		store.close();
		leaveAlternateScreen();
	}
	return problemsAtClose(loader);
}

/**
 * The failed sources, and those still loading: quitting never waits for a source (a pipe may never
 * end), but each one left unfinished is named.
 */
export function problemsAtClose(loader: Loader): FeedResult[] {
	const {results, loading} = loader.snapshot();
	return loader.sources.flatMap((source, index): FeedResult[] => {
		if (loading[index] === true) return [{ok: false, source: source.label, error: 'still loading when the reader closed'}];
		const result = results[index];
		return result === undefined || result.ok ? [] : [result];
	});
}
