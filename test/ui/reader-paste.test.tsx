import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createMemoryStore} from '../../src/store/memory-store.js';
import {fakeSource, makeArticles, okResult} from './helpers/articles.js';
import {eventually, PASTE_END, PASTE_START, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

/** About 100 KB of prose full of the reader's command letters, line breaks included. */
const pasted = 'quick brown mammals jump over lazy dogs? back, more, quit!\r\n'.repeat(1700);

describe('pasting into the reader', () => {
	it('reads 100 KB of pasted text as text: nothing is toggled, opened or quit', async () => {
		expect(pasted.length).toBeGreaterThan(100_000);
		const store = createMemoryStore();
		let flushes = 0;
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))], {
			store: {...store, flush: () => void flushes++},
		});
		app.stdin.write(`${PASTE_START}${pasted}${PASTE_END}`);
		// The reader still runs and takes keys: the first one after the paste moves the selection.
		await press(app.stdin, 'j');
		await eventually(app.selectedLine).toContain('Headline number 2');
		expect(flushes).toBe(0);
		expect(['a1', 'a2', 'a3'].filter(id => store.isRead(id) || store.isBookmarked(id))).toEqual([]);
		expect(app.frame()).not.toContain('Keys (any key closes this help)');
		expect(app.lines()[0]).toMatch(/^Flash News.*\b3 articles/);
	});

	it('keeps reading a paste as text when the terminal delivers it in pieces', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))]);
		app.stdin.write(`${PASTE_START}${pasted.slice(0, 50_000)}`);
		app.stdin.write(pasted.slice(50_000));
		app.stdin.write(PASTE_END);
		await press(app.stdin, 'j');
		await eventually(app.selectedLine).toContain('Headline number 2');
		expect(['a1', 'a2', 'a3'].filter(id => app.store.isRead(id) || app.store.isBookmarked(id))).toEqual([]);
	});
});
