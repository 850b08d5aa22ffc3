// Paints the reader's first frame before Ink and React have loaded, which takes a good part of
// the start-up. The frame is the one the app draws first (src/ui/first-frame/first-frame.ts); Ink
// takes it as its previous frame (scripts/patches/ink-first-paint.mjs) and rewrites only lines
// that differ. Keys pressed meanwhile wait in the terminal, unechoed, until Ink reads them.
import isInCi from 'is-in-ci';
import type {Loader} from '../load/loader.js';
import type {ReaderStore} from '../store/types.js';
import {firstFrameText} from '../ui/first-frame/first-frame.js';
import {enterAlternateScreen, leaveAlternateScreen} from './alternate-screen.js';
import {firstPaintPatched, incrementalRenderingFixed} from './ink-patches.js';
import type {ReaderSetup} from './reader-setup.js';
import {onExitSignal} from './signal-exit.js';

const SLOT = Symbol.for('flashnews.ink-first-paint');
const HIDE_CURSOR = '\u001B[?25l';
const HOME = '\u001B[H';
const CLEAR_SCREEN = '\u001B[2J';

type Slot = {stream?: NodeJS.WriteStream; frame?: string; applied?: boolean};
type Size = {columns: number; rows: number};

export type FirstPaint = {
	/** The terminal's size when the frame was painted. */
	size: Size;
	/** Called once Ink draws: its own signal handling takes over. */
	handOver(): void;
};

const slot = () => ((globalThis as Record<symbol, Slot | undefined>)[SLOT] ??= {});

/**
 * Paints the first frame if it is known now: every source already loaded (small files are read and
 * parsed synchronously, their results settle a turn later) and Ink about to draw interactively.
 */
export async function paintFirstFrame(loader: Loader, store: ReaderStore, setup: ReaderSetup): Promise<FirstPaint | undefined> {
	const {stdout, stdin} = process;
	// Ink in CI or for a screen reader draws otherwise; those frames are left to it.
	if (isInCi || process.env.INK_SCREEN_READER === 'true' || !stdout.isTTY || !stdin.isTTY) return undefined;
	await new Promise(resolve => setImmediate(resolve));
	const frame = firstFrameText({
		loader,
		loading: loader.snapshot(),
		store,
		keymap: setup.keymap,
		theme: setup.theme,
		notices: setup.notices,
		columns: stdout.columns,
		terminalRows: stdout.rows,
		now: setup.now ?? Date.now(),
	});
	if (frame === undefined) return undefined;
	stdin.setRawMode(true);
	enterAlternateScreen();
	stdout.write(HIDE_CURSOR + HOME + frame);
	Object.assign(slot(), {stream: stdout, frame});
	const removeSignalHandlers = onExitSignal((_signal, status) => {
		store.close();
		leaveAlternateScreen();
		process.exit(status);
	});
	return {size: {columns: stdout.columns, rows: stdout.rows}, handOver: removeSignalHandlers};
}

/**
 * Called with Ink loaded, before it draws. Ink starts from the painted frame only if it can: a
 * bundle without the patch (or without incremental rendering) would draw its first frame below it,
 * and after a resize the terminal no longer shows the frame as painted. Then the painted frame is
 * cleared, and Ink draws as if there had been none.
 */
export function prepareInkForFirstPaint(painted: FirstPaint | undefined, now: Size = process.stdout): void {
	if (painted === undefined) return;
	const sameSize = now.columns === painted.size.columns && now.rows === painted.size.rows;
	if (sameSize && firstPaintPatched() && incrementalRenderingFixed()) return;
	slot().frame = undefined;
	process.stdout.write(HOME + CLEAR_SCREEN);
}
