import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createTheme} from '../../src/present/theme.js';
import {fakeSource, makeArticles, okResult} from './helpers/articles.js';
import {eventually, KEYS, PASTE_END, PASTE_START, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

const TITLES = ['Ferry strike ends', 'Harbour minister resigns', 'New ferry for the island', 'Museum reopens', 'Tram line approved'];
const articles = makeArticles(5, index => ({title: TITLES[index - 1]!, author: index === 4 ? 'Ana Ferry' : `Author ${index}`}));
const source = () => fakeSource(okResult('Flash News', articles));

const headlines = (lines: string[]) => lines.filter(line => /^[› ][● ][★ ] \S/.test(line)).map(line => line.slice(4, 30).trim());

describe('searching as you type', () => {
	it('opens a query line at the bottom on / and narrows the list with each character', async () => {
		const app = await renderReader([source()]);
		await press(app.stdin, '/');
		await eventually(app.hintLine).toMatch(/^\/ .*⏎ keep {2}Esc clear/);
		await press(app.stdin, 'f', 'e');
		await eventually(app.hintLine).toMatch(/^\/fe /);
		await eventually(() => app.lines()[0]).toMatch(/^Flash News · search: fe · 3 of 5 +3 articles/);
		await press(app.stdin, 'rry i', 's');
		await eventually(() => app.lines()[0]).toContain('search: ferry is · 1 of 5');
		expect(headlines(app.lines())).toEqual(['New ferry for the island']);
	});

	it('finds the byline too, and takes a pasted query as text, not keys', async () => {
		const app = await renderReader([source()]);
		await press(app.stdin, '/', `${PASTE_START}ana ferry${PASTE_END}`);
		await eventually(() => app.lines()[0]).toContain('search: ana ferry · 1 of 5');
		expect(headlines(app.lines())).toEqual(['Museum reopens']);
		expect(app.store.isBookmarked('a4')).toBe(false);
	});

	it('marks the matched words in titles and bylines', async () => {
		const app = await renderReader([source()], {theme: createTheme({level: 1, noColor: true})});
		await press(app.stdin, '/', 'ferry');
		await eventually(() => app.lines()[0]).toContain('search: ferry · 3 of 5');
		const raw = app.lastFrame() ?? '';
		// Underlined (the match style keeps its underline without colour): each match, nothing else.
		const underlined = [...raw.matchAll(/\u001B\[4m(.*?)\u001B\[24m/g)].map(match => match[1]!.replace(/\u001B\[[0-9;]*m/g, ''));
		expect(underlined.sort()).toEqual(['Ferry', 'Ferry', 'ferry']);
	});

	it('keeps the filter on Enter, back on the list with its keys, and clears it with Esc', async () => {
		const app = await renderReader([source()]);
		await press(app.stdin, '/', 'ferry');
		await eventually(() => app.lines()[0]).toContain('search: ferry · 3 of 5');
		await press(app.stdin, KEYS.enter);
		await eventually(app.hintLine).toContain('j/k move');
		expect(app.lines()[0]).toContain('search: ferry · 3 of 5');
		await press(app.stdin, 'j', 'j');
		await eventually(app.selectedLine).toContain('Museum reopens');
		await press(app.stdin, KEYS.escape);
		await eventually(() => app.lines()[0]).not.toContain('search:');
		expect(headlines(app.lines())).toHaveLength(5);
		expect(app.selectedLine()).toContain('Museum reopens');
	});

	it('clears the query with Esc while typing, and erases with Backspace', async () => {
		const app = await renderReader([source()]);
		await press(app.stdin, '/', 'tramx');
		await eventually(() => app.lines()[1]).toContain('Nothing matches “tramx”');
		await press(app.stdin, KEYS.backspace);
		await eventually(() => app.lines()[0]).toContain('search: tram · 1 of 5');
		await press(app.stdin, KEYS.escape);
		await eventually(app.hintLine).toContain('j/k move');
		await eventually(() => headlines(app.lines())).toHaveLength(5);
		expect(app.lines()[0]).not.toContain('search:');
	});

	it("types the reader's own keys into the query: q does not quit, b does not bookmark", async () => {
		const app = await renderReader([source()]);
		await press(app.stdin, '/', 'qb');
		await eventually(app.hintLine).toMatch(/^\/qb /);
		expect(app.store.isBookmarked('a1')).toBe(false);
	});
});
