import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {displayWidth} from '../../src/present/text-width.js';
import {createTheme} from '../../src/present/theme.js';
import {fakeSource, makeArticle, makeArticles, okResult} from './helpers/articles.js';
import {eventually, KEYS, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

const wide = [
	makeArticle(1, {
		title: '東京で大規模な地震が発生しました。政府は緊急会議を開き、被害状況の確認を急いでいます。交通機関にも影響が出ています',
	}),
	makeArticle(2, {title: '🎉🎊 Celebration 🎉🎊 '.repeat(10), author: '李小龍 李小龍 李小龍 李小龍 李小龍'}),
	makeArticle(3, {title: 'Plain '.repeat(40), feed: 'Ünïcödé Feed Name With Accents Ñ'}),
];

function expectAllLinesWithin(lines: string[], columns: number) {
	for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
}

/** The lines wider than `columns`: none, once a resize has been drawn. */
function linesWiderThan(app: {lines(): string[]}, columns: number): () => string[] {
	return () => app.lines().filter(line => displayWidth(line) > columns);
}

describe('fitting the terminal', () => {
	it('truncates long titles with CJK and emoji to the width, never wrapping them', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', wide))]);
		const lines = app.lines();
		expectAllLinesWithin(lines, 100);
		expect(lines).toHaveLength(23);
		expect(lines.filter(line => line.includes('…')).length).toBeGreaterThanOrEqual(3);
	});

	it('follows a resize of the terminal', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', wide))]);
		app.resize(40);
		await eventually(linesWiderThan(app, 40)).toEqual([]);
		expect(app.selectedLine()).toMatch(/^›● {2}東京/);
		app.resize(120);
		await eventually(() => Math.max(...app.lines().map(line => displayWidth(line)))).toBeGreaterThan(100);
		expectAllLinesWithin(app.lines(), 120);
	});

	it('fills a taller terminal with more headlines, leaving its last row spare', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(100)))]);
		app.resize(100, 40);
		await eventually(() => app.lines()).toHaveLength(39);
		expect(app.lines().filter(line => line.includes('Headline number'))).toHaveLength(36);
		expect(app.lines().at(-1)).toContain('q quit');
	});

	it('keeps the article view, help and picker within the width', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', wide))]);
		app.resize(30);
		await eventually(linesWiderThan(app, 30)).toEqual([]);
		await press(app.stdin, 'j', KEYS.enter);
		await eventually(app.hintLine).toContain('j/k scroll');
		expectAllLinesWithin(app.lines(), 30);
		expect(app.frame()).toContain('李小龍');
		await press(app.stdin, KEYS.escape, '?');
		await eventually(app.frame).toContain('Keys (any key');
		expectAllLinesWithin(app.lines(), 30);
		await press(app.stdin, KEYS.escape, 'f');
		await eventually(app.frame).toContain('Show which articles?');
		expectAllLinesWithin(app.lines(), 30);
	});

	it('keeps the picker pointer whole beside a feed name longer than the row', async () => {
		const longFeed = 'A feed whose name runs on far past the width of any narrow terminal window';
		const app = await renderReader([fakeSource(okResult(longFeed, [makeArticle(1, {feed: longFeed})]))]);
		app.resize(45);
		await eventually(linesWiderThan(app, 45)).toEqual([]);
		await press(app.stdin, 'f', 'j');
		await eventually(app.frame).toContain('› Feed · A feed whose name');
		expectAllLinesWithin(app.lines(), 45);
	});

	it('marks the selected row in inverse video when colors are on', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(2)))], {
			theme: createTheme({level: 1, noColor: false}),
		});
		const raw = (app.lastFrame() ?? '').split('\n').find(line => line.includes('Headline number 1')) ?? '';
		expect(raw).toContain('\u001B[7m');
	});
});
