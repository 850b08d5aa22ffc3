import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {formatRelativeTime} from '../../src/present/time-format.js';
import {createMemoryStore} from '../../src/store/memory-store.js';
import {fakeSource, makeArticle, makeArticles, NOW, okResult} from './helpers/articles.js';
import {eventually, KEYS, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

function lineWith(lines: string[], text: string): string {
	return lines.find(line => line.includes(text)) ?? '';
}

describe('the headline list', () => {
	it('shows each headline with its unread and bookmark markers and its byline', async () => {
		const articles = makeArticles(3);
		const store = createMemoryStore();
		store.setRead('a2', true);
		store.setBookmark(articles[2]!, true);
		const app = await renderReader([fakeSource(okResult('Flash News', articles))], {store});
		const lines = app.lines();
		const first = lineWith(lines, 'Headline number 1');
		expect(first).toMatch(/^›● {2}Headline number 1/);
		expect(first).toContain(`Author 1 · Flash News · ${formatRelativeTime(articles[0]!.published, NOW)}`);
		expect(lineWith(lines, 'Headline number 2')).toMatch(/^ {3} Headline number 2/);
		expect(lineWith(lines, 'Headline number 3')).toMatch(/^ ●★ Headline number 3/);
	});

	it('leaves out the parts of a byline the feed does not give', async () => {
		const article = makeArticle(1, {author: null, published: null});
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))]);
		const row = lineWith(app.lines(), 'Headline number 1');
		expect(row.trimEnd()).toMatch(/Headline number 1\s+Flash News$/);
	});

	it('names the single feed in the header with the counts of articles, unread and bookmarked', async () => {
		const articles = makeArticles(4);
		const store = createMemoryStore();
		store.setRead('a1', true);
		store.setBookmark(articles[1]!, true);
		const app = await renderReader([fakeSource(okResult('Flash News', articles))], {store});
		const header = app.lines()[0] ?? '';
		expect(header).toMatch(/^Flash News/);
		expect(header).toContain('4 articles · 3 unread · 1 ★');
	});

	it('says how many feeds there are when there are several', async () => {
		const app = await renderReader([fakeSource(okResult('One', makeArticles(2))), fakeSource(okResult('Two', makeArticles(4).slice(2)))]);
		expect(app.lines()[0]).toMatch(/^2 feeds/);
	});

	it('shows the hint bar built from the key bindings', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(2)))]);
		expect(app.lines().at(-1)).toBe('j/k move  ⏎ open  / search  b save  m read  n/N unread  f feeds  ? help  q quit');
	});

	it('moves the selection with j, k, the arrows, G and g', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(5)))]);
		await press(app.stdin, 'j', 'j');
		await eventually(app.selectedLine).toContain('Headline number 3');
		await press(app.stdin, 'k');
		await eventually(app.selectedLine).toContain('Headline number 2');
		await press(app.stdin, KEYS.down);
		await eventually(app.selectedLine).toContain('Headline number 3');
		await press(app.stdin, KEYS.up, KEYS.up);
		await eventually(app.selectedLine).toContain('Headline number 1');
		await press(app.stdin, 'G');
		await eventually(app.selectedLine).toContain('Headline number 5');
		await press(app.stdin, 'g');
		await eventually(app.selectedLine).toContain('Headline number 1');
		await press(app.stdin, KEYS.end);
		await eventually(app.selectedLine).toContain('Headline number 5');
		await press(app.stdin, KEYS.home);
		await eventually(app.selectedLine).toContain('Headline number 1');
	});

	it('pages through a long list, showing only one screenful of rows', async () => {
		// 24 terminal rows: one spare, header, status line and hint bar leave 20 for headlines.
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(100)))]);
		const rowCount = () => app.lines().filter(line => line.includes('Headline number')).length;
		expect(rowCount()).toBe(20);
		await press(app.stdin, ' ');
		await eventually(app.selectedLine).toContain('Headline number 21');
		expect(app.frame()).not.toContain('Headline number 20 ');
		await press(app.stdin, KEYS.pageDown);
		await eventually(app.selectedLine).toContain('Headline number 41');
		await press(app.stdin, KEYS.pageUp);
		await eventually(app.selectedLine).toContain('Headline number 21');
		expect(rowCount()).toBe(20);
	});

	it('handles 50,000 articles by rendering only the visible window', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(50_000)))]);
		await press(app.stdin, 'G');
		await eventually(app.selectedLine).toContain('Headline number 50000');
		expect(app.lines()).toHaveLength(23);
		expect(app.lines()[0]).toContain('50000 articles');
	});

	it('toggles the bookmark with b', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))]);
		await press(app.stdin, 'j', 'b');
		expect(app.store.isBookmarked('a2')).toBe(true);
		await eventually(app.selectedLine).toMatch(/^›●★ Headline number 2/);
		await press(app.stdin, 'b');
		expect(app.store.isBookmarked('a2')).toBe(false);
		await eventually(app.selectedLine).toMatch(/^›● {2}Headline number 2/);
	});

	it('toggles the read mark with m', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))]);
		await press(app.stdin, 'm');
		expect(app.store.isRead('a1')).toBe(true);
		await eventually(app.selectedLine).toMatch(/^› {2} Headline number 1/);
		expect(app.lines()[0]).toContain('2 unread');
		await press(app.stdin, 'm');
		expect(app.store.isRead('a1')).toBe(false);
	});

	it('jumps to the next unread article with n, wrapping to the top', async () => {
		const store = createMemoryStore();
		for (const id of ['a1', 'a3', 'a4', 'a5']) store.setRead(id, true);
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(5)))], {store});
		await press(app.stdin, 'n');
		await eventually(app.selectedLine).toContain('Headline number 2');
		await press(app.stdin, 'G');
		await eventually(app.selectedLine).toContain('Headline number 5');
		await press(app.stdin, 'n');
		await eventually(app.selectedLine).toContain('Headline number 2');
	});

	it('says "no unread articles" when n finds none', async () => {
		const store = createMemoryStore();
		for (const id of ['a1', 'a2']) store.setRead(id, true);
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(2)))], {store});
		await press(app.stdin, 'n');
		await eventually(app.statusLine).toContain('no unread articles');
		expect(app.selectedLine()).toContain('Headline number 1');
	});

	it('quits with q, saving the store first', async () => {
		const store = createMemoryStore();
		let flushes = 0;
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(2)))], {
			store: {...store, flush: () => void flushes++},
		});
		await press(app.stdin, 'q');
		expect(flushes).toBe(1);
		// An exited app stops reading the terminal and draws no more frames, whatever is typed after.
		await eventually(() => app.stdin.listenerCount('readable')).toBe(0);
		const framesAfterQuit = app.frames.length;
		await press(app.stdin, 'j', 'j');
		expect(app.frames.length).toBe(framesAfterQuit);
	});
});
