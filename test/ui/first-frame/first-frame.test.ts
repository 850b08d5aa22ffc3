import {describe, expect, it} from 'vitest';
import {createLoader} from '../../../src/load/loader.js';
import {createTheme} from '../../../src/present/theme.js';
import {createMemoryStore} from '../../../src/store/memory-store.js';
import {type FirstFrameInput, firstFrameText} from '../../../src/ui/first-frame/first-frame.js';
import {createKeymap} from '../../../src/ui/keys/keymap.js';
import {fakeSource, makeArticles, NOW, okResult} from '../helpers/articles.js';

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

async function input(
	sources = [fakeSource(okResult('Flash News', makeArticles(30)))],
	size = {columns: 80, terminalRows: 12},
): Promise<FirstFrameInput> {
	const loader = createLoader(sources);
	await nextTurn();
	return {
		loader,
		loading: loader.snapshot(),
		store: createMemoryStore(),
		keymap: createKeymap(),
		theme: createTheme({noColor: true}),
		notices: [],
		now: NOW,
		...size,
	};
}

describe('the first frame as text', () => {
	it('is the header, a screenful of headlines with the first selected, the status line and the hints, a row short of the terminal', async () => {
		const lines = (firstFrameText(await input()) ?? '').split('\n');
		// 11 rows and the newline after the last.
		expect(lines).toHaveLength(12);
		expect(lines.at(-1)).toBe('');
		expect(lines[0]).toMatch(/^Flash News +30 articles · 30 unread · 0 ★$/);
		expect(lines[1]).toMatch(/^›● {2}Headline number 1 /);
		expect(lines[8]).toMatch(/^ ● {2}Headline number 8 /);
		expect(lines[9]).toBe('');
		expect(lines[10]).toMatch(/^j\/k move {2}⏎ open/);
	});

	it('marks read and bookmarked articles as the list does', async () => {
		const frameInput = await input();
		frameInput.store.setRead('a2', true);
		frameInput.store.setBookmark(makeArticles(3)[2]!, true);
		const lines = (firstFrameText(frameInput) ?? '').split('\n');
		expect(lines[0]).toContain('30 articles · 29 unread · 1 ★');
		expect(lines[2]).toMatch(/^ {3} Headline number 2/);
		expect(lines[3]).toMatch(/^ ●★ Headline number 3/);
	});

	it('shows a notice from before the start in the status line', async () => {
		const lines = (firstFrameText({...(await input()), notices: ['config.toml: unknown key "colour"']}) ?? '').split('\n');
		expect(lines[9]).toBe('config.toml: unknown key "colour"');
	});

	it('is not made while a source is loading, for an empty list, or for a terminal too short to keep a spare row', async () => {
		const loading = fakeSource(okResult('Slow', makeArticles(3)), {deferred: true});
		expect(firstFrameText(await input([loading]))).toBeUndefined();
		expect(firstFrameText(await input([fakeSource(okResult('Empty', []))]))).toBeUndefined();
		expect(firstFrameText(await input(undefined, {columns: 80, terminalRows: 4}))).toBeUndefined();
		expect(firstFrameText(await input(undefined, {columns: 80, terminalRows: 5}))).toBeDefined();
		loading.release();
	});
});
