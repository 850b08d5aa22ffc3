import {render} from 'ink';
import type {FeedResult} from '../core/articles/article.js';
import type {Loader} from '../load/loader.js';
import {clipboardSequence, hyperlinksEnabled} from '../present/terminal-links.js';
import {createTheme} from '../present/theme.js';
import {fixedNowFromEnvironment} from '../present/time-format.js';
import {layoutEngineReady} from '../shims/layout-engine-ready.js';
import type {ReaderStore} from '../store/types.js';
import {ReaderApp} from '../ui/app.js';
import {createKeymap} from '../ui/keys/keymap.js';
import type {LinkHandlers} from '../ui/links/link-handlers.js';
import {enterAlternateScreen, leaveAlternateScreen} from './alternate-screen.js';
import {openInBrowser} from './links/open-link.js';
import {DEFAULT_SETTINGS, type UserSettings} from './settings/load-settings.js';

const links: LinkHandlers = {
	open: url => openInBrowser(url),
	// Between two of Ink's frames; the sequence moves no cursor, so the frame stays as drawn.
	copy: text => void process.stdout.write(clipboardSequence(text)),
};

// Set by the bundle's patches of Ink's incremental rendering (scripts/patches/ink-incremental.mjs).
const INCREMENTAL_FIXED = Symbol.for('flashnews.ink-incremental-rendering-fixed');

/**
 * Whether Ink may write only the lines that changed: only with every patch, as published it draws
 * them a row too low. Run from sources, or if the build had to leave a patch out, frames are whole.
 */
function incrementalRenderingFixed(): boolean {
	const fixed = (globalThis as Record<symbol, {expected: number; applied: number} | undefined>)[INCREMENTAL_FIXED];
	return fixed !== undefined && fixed.applied === fixed.expected;
}

/** The status line has room for about one message: with several, it first says how many and where the rest go. */
function settingsNotices(problems: readonly string[]): string[] {
	if (problems.length <= 1) return [...problems];
	return [`${problems.length} mistakes in config.toml, all listed when the reader closes;`, ...problems];
}

/** Runs the interactive reader until the user quits; resolves to the failed and unfinished sources' results. */
export async function runReader(loader: Loader, store: ReaderStore, settings: UserSettings = DEFAULT_SETTINGS): Promise<FeedResult[]> {
	await layoutEngineReady();
	enterAlternateScreen();
	const app = render(
		<ReaderApp
			loader={loader}
			store={store}
			keymap={createKeymap(settings.bindings)}
			theme={createTheme({spec: settings.themeSpec})}
			notices={settingsNotices(settings.problems)}
			links={links}
			hyperlinks={hyperlinksEnabled()}
			now={fixedNowFromEnvironment()}
		/>,
		{
			exitOnCtrlC: true,
			// A held key stays smooth; a keypress rewrites the rows it changed, not the screen.
			maxFps: 60,
			incrementalRendering: incrementalRenderingFixed(),
		},
	);

	const onSignal = (signal: NodeJS.Signals) => {
		store.close();
		app.unmount();
		leaveAlternateScreen();
		process.exit(signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 130);
	};
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.once(signal, onSignal);

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
