import {render} from 'ink-testing-library';
import {createLoader} from '../../../src/load/loader.js';
import type {Source} from '../../../src/load/source.js';
import {createTheme, type Theme} from '../../../src/present/theme.js';
import {createMemoryStore} from '../../../src/store/memory-store.js';
import type {ReaderStore} from '../../../src/store/types.js';
import {ReaderApp, type ReaderAppProps} from '../../../src/ui/app.js';
import {NOW} from './articles.js';
import {eventually} from './press.js';

const ANSI = /\u001B\[[0-9;]*m/g;

function isDeferred(source: Source): boolean {
	return 'deferred' in source && source.deferred === true;
}

/**
 * Renders the reader and waits until every source that is not deferred has arrived: the status
 * line then says "k of n feeds loaded…" while some are deferred, or nothing about loading.
 */
export async function renderReader(
	sources: Source[],
	options: {store?: ReaderStore; theme?: Theme} & Pick<ReaderAppProps, 'keymap' | 'links' | 'hyperlinks' | 'notices'> = {},
) {
	const {store: givenStore, theme: givenTheme, ...rest} = options;
	const store = givenStore ?? createMemoryStore();
	const theme = givenTheme ?? createTheme({level: 0});
	const app = render(<ReaderApp loader={createLoader(sources)} store={store} now={NOW} theme={theme} {...rest} />);
	const frame = () => (app.lastFrame() ?? '').replace(ANSI, '');
	const lines = () => frame().split('\n');
	const arrived = sources.filter(source => !isDeferred(source)).length;
	const loadingLine = () =>
		app.lastFrame() === undefined ? 'no frame yet' : (/\d+ of \d+ feeds? loaded/.exec(lines().at(-2) ?? '')?.[0] ?? '');
	await eventually(loadingLine).toBe(
		arrived === sources.length ? '' : `${arrived} of ${sources.length} ${sources.length === 1 ? 'feed' : 'feeds'} loaded`,
	);
	return {
		...app,
		store,
		frame,
		lines,
		/** The highlighted headline row, marked with › in the first column. */
		selectedLine: () => lines().find(line => line.startsWith('›')) ?? '',
		/** The status line, just above the hint bar. */
		statusLine: () => lines().at(-2) ?? '',
		/** The hint bar, the last line. */
		hintLine: () => lines().at(-1) ?? '',
		/** Makes the fake terminal a new size and tells Ink, as a real terminal would. */
		resize(columns: number, rows?: number) {
			Object.defineProperty(app.stdout, 'columns', {value: columns, configurable: true});
			if (rows !== undefined) Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
			app.stdout.emit('resize');
		},
	};
}
