// The reader drawn by Ink into a terminal emulator, with Ink and the reader bundled as the CLI
// bundles them: with the dependency patches (scripts/patches/) or, to compare, without.
import {EventEmitter} from 'node:events';
import {fileURLToPath} from 'node:url';
import {stripVTControlCharacters} from 'node:util';
import type {render as InkRender} from 'ink';
import type {createElement as CreateElement} from 'react';
import type {createLoader as CreateLoader} from '../../src/load/loader.js';
import type {Source} from '../../src/load/source.js';
import {stringWidthOf} from '../../src/present/text-clusters.js';
import type {createTheme as CreateTheme} from '../../src/present/theme.js';
import type {createMemoryStore as CreateMemoryStore} from '../../src/store/memory-store.js';
import type {ReaderApp as ReaderAppType} from '../../src/ui/app.js';
import type {firstFrameText as FirstFrameText} from '../../src/ui/first-frame/first-frame.js';
import type {createKeymap as CreateKeymap} from '../../src/ui/keys/keymap.js';
import {bundle} from '../build/patched-bundle.js';
import {NOW} from '../ui/helpers/articles.js';
import {leaveFirstPaint, PAINT_PREFIX} from './first-paint-slot.js';
import {createVirtualTerminal, fullRedraw, type VirtualTerminal} from './virtual-terminal.js';

/** The parts of Ink's instance (build/ink.js) the comparison reads; none of them is public API. */
type InkInstance = {
	lastOutput: string;
	throttledOnRender?: {flush(): void};
	throttledLog: {flush?(): void};
};

export type ReaderKit = {
	render: typeof InkRender;
	inkInstances: WeakMap<object, InkInstance>;
	createElement: typeof CreateElement;
	ReaderApp: typeof ReaderAppType;
	createLoader: typeof CreateLoader;
	createMemoryStore: typeof CreateMemoryStore;
	createTheme: typeof CreateTheme;
	firstFrameText: typeof FirstFrameText;
	createKeymap: typeof CreateKeymap;
};

const instancesModule = fileURLToPath(new URL('../../node_modules/ink/build/instances.js', import.meta.url));
const entry = [
	"export {render} from 'ink';",
	`export {default as inkInstances} from ${JSON.stringify(instancesModule)};`,
	"export {createElement} from 'react';",
	"export {ReaderApp} from './src/ui/app.tsx';",
	"export {createLoader} from './src/load/loader.ts';",
	"export {createMemoryStore} from './src/store/memory-store.ts';",
	"export {createTheme} from './src/present/theme.ts';",
	"export {firstFrameText} from './src/ui/first-frame/first-frame.ts';",
	"export {createKeymap} from './src/ui/keys/keymap.ts';",
].join('\n');

const CI_VARIABLE = /^(CI|CONTINUOUS_INTEGRATION|CI_.*)$/;

/**
 * Bundles Ink and the reader into `outDir`. Ink decides as it loads whether it is in CI (where it
 * draws nothing until exit); the bundle loads with the CI variables out of the environment, as in
 * a user's terminal.
 */
export async function bundleReader(outDir: string, {patched}: {patched: boolean}) {
	const saved = Object.entries(process.env).filter(([name]) => CI_VARIABLE.test(name));
	for (const [name] of saved) delete process.env[name];
	try {
		return await bundle<ReaderKit>(outDir, patched ? 'reader-patched' : 'reader-original', entry, {patched});
	} finally {
		for (const [name, value] of saved) process.env[name] = value;
	}
}

class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
		private readonly sink: (data: string) => void,
	) {
		super();
	}
	write(data: string, callback?: () => void): boolean {
		this.sink(data);
		callback?.();
		return true;
	}
}

class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private queued: string[] = [];
	write(data: string): void {
		this.queued.push(data);
		this.emit('readable');
	}
	read(): string | null {
		return this.queued.shift() ?? null;
	}
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

export type ReaderInTerminal = {
	terminal: VirtualTerminal;
	/** Every byte the reader has written. */
	readonly written: string;
	/** Writes keys as the terminal would send them; Ink reads them on its next turn. */
	press(keys: string): Promise<void>;
	/** The terminal becomes `columns` x `rows` first, then the reader is told, as with SIGWINCH. */
	resize(columns: number, rows: number): Promise<void>;
	/** Lets React and Ink finish their turns, then writes any frame Ink's throttle still holds. */
	flush(): Promise<void>;
	/** The screen a full redraw of Ink's latest frame gives in a fresh terminal of the same size. */
	expectedScreen(): Promise<string[]>;
	/** The rows of Ink's latest frame that are wider than the terminal, which it would wrap. */
	rowsTooWide(): string[];
	unmount(): Promise<void>;
};

export type StartOptions = {
	columns: number;
	rows: number;
	sources: Source[];
	incrementalRendering: boolean;
	/** Shell output on the normal screen before the reader starts, which leaves the cursor lower down. */
	shellLines?: number;
	/**
	 * Paints the first frame before Ink as src/cli/first-paint.ts does, passed through this (to
	 * paint a frame that differs from Ink's); `written` then starts after it.
	 */
	firstPaint?: (frame: string) => string;
	/** Links in the article view drawn as OSC 8 hyperlinks. */
	hyperlinks?: boolean;
};

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[?2004h';

/** Starts the reader as src/cli/run-reader.tsx does, drawing into a terminal emulator. */
export async function startReader(kit: ReaderKit, options: StartOptions): Promise<ReaderInTerminal> {
	const terminal = createVirtualTerminal(options.columns, options.rows);
	let written = '';
	const sink = (data: string) => {
		written += data;
		terminal.write(data);
	};
	for (let line = 0; line < (options.shellLines ?? 3); line++) sink(`$ echo ${line}\n${line}\n`);
	sink(ENTER_ALTERNATE_SCREEN);
	const stdout = new FakeStdout(options.columns, options.rows, sink);
	const stdin = new FakeStdin();
	const {render, createElement, ReaderApp, createLoader, createMemoryStore, createTheme} = kit;
	const loader = createLoader(options.sources);
	const store = createMemoryStore();
	const theme = createTheme({level: 3});
	if (options.firstPaint) {
		await nextTurn();
		const frame = kit.firstFrameText({
			loader,
			loading: loader.snapshot(),
			store,
			keymap: kit.createKeymap(),
			theme,
			notices: [],
			columns: options.columns,
			terminalRows: options.rows,
			now: NOW,
		});
		if (frame === undefined) throw new Error('no first frame to paint');
		const painted = options.firstPaint(frame);
		sink(PAINT_PREFIX + painted);
		leaveFirstPaint(stdout, painted);
		written = '';
	}
	const app = render(createElement(ReaderApp, {loader, store, now: NOW, theme, hyperlinks: options.hyperlinks ?? false}), {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: stdout as unknown as NodeJS.WriteStream,
		exitOnCtrlC: true,
		patchConsole: false,
		maxFps: 60,
		incrementalRendering: options.incrementalRendering,
	});
	const instance = kit.inkInstances.get(stdout);
	if (!instance) throw new Error('Ink did not register its instance under the stdout it was given');

	const flush = async () => {
		// Ink reads stdin at once; React may commit a turn later, and effects may dispatch again.
		for (let turn = 0; turn < 3; turn++) await nextTurn();
		instance.throttledOnRender?.flush();
		instance.throttledLog.flush?.();
		await terminal.settled();
	};
	await flush();

	return {
		terminal,
		get written() {
			return written;
		},
		async press(keys) {
			stdin.write(keys);
			await nextTurn();
		},
		async resize(columns, rows) {
			terminal.resize(columns, rows);
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
			await nextTurn();
		},
		flush,
		expectedScreen: () => fullRedraw(instance.lastOutput, terminal.columns, terminal.rows),
		rowsTooWide: () => instance.lastOutput.split('\n').filter(row => stringWidthOf(stripVTControlCharacters(row)) > terminal.columns),
		async unmount() {
			app.unmount();
			await app.waitUntilExit();
			terminal.dispose();
		},
	};
}
