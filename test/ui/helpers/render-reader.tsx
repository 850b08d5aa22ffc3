import {render} from 'ink-testing-library';
import {createLoader} from '../../../src/load/loader.js';
import type {Source} from '../../../src/load/source.js';
import {createMemoryStore} from '../../../src/store/memory-store.js';
import type {ReaderStore} from '../../../src/store/types.js';
import {ReaderApp} from '../../../src/ui/app.js';
import {createTheme, type Theme} from '../../../src/present/theme.js';
import {NOW} from './articles.js';
import {settle} from './press.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g;

export async function renderReader(sources: Source[], options: {store?: ReaderStore; theme?: Theme} = {}) {
	const store = options.store ?? createMemoryStore();
	const theme = options.theme ?? createTheme({level: 0});
	const app = render(<ReaderApp loader={createLoader(sources)} store={store} now={NOW} theme={theme} />);
	await settle();
	const frame = () => (app.lastFrame() ?? '').replace(ANSI, '');
	const lines = () => frame().split('\n');
	return {
		...app,
		store,
		frame,
		lines,
		/** The highlighted headline row, marked with › in the first column. */
		selectedLine: () => lines().find(line => line.startsWith('›')) ?? '',
		/** Makes the fake terminal a new size and tells Ink, as a real terminal would. */
		resize(columns: number, rows?: number) {
			Object.defineProperty(app.stdout, 'columns', {value: columns, configurable: true});
			if (rows !== undefined) Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
			app.stdout.emit('resize');
		},
	};
}
