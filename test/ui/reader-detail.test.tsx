import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {formatDateTime} from '../../src/present/time-format.js';
import {fakeSource, makeArticle, makeArticles, okResult} from './helpers/articles.js';
import {eventually, KEYS, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

const longBody = Array.from({length: 60}, (_, index) => `Paragraph ${index + 1} of the story.`).join('\n\n');

describe('the article view', () => {
	it('opens with Enter, showing title, byline, date, section, link and text, and marks the article read', async () => {
		const article = makeArticle(1, {section: 'Bota', categories: ['Bota', 'Politics']});
		const app = await renderReader([fakeSource(okResult('Flash News', [article, makeArticle(2)]))]);
		await press(app.stdin, KEYS.enter);
		await eventually(app.frame).toContain('Body of article 1.');
		const frame = app.frame();
		expect(frame).toContain('Headline number 1');
		expect(frame).toContain('Author 1 · Flash News');
		expect(frame).toContain(formatDateTime(article.published));
		expect(frame).toContain('Bota · Politics');
		expect(frame).toContain('https://news.example/1');
		expect(frame).toContain('Body of article 1.');
		expect(frame).not.toContain('Headline number 2');
		expect(app.store.isRead('a1')).toBe(true);
	});

	it('converts an HTML body to plain text', async () => {
		const article = makeArticle(1, {content: {format: 'html', value: '<p>First <b>bold</b> paragraph.</p><p>Second one.</p>'}});
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))]);
		await press(app.stdin, 'l');
		await eventually(app.frame).toContain('First bold paragraph.');
		expect(app.frame()).toContain('Second one.');
		expect(app.frame()).not.toContain('<b>');
	});

	it('shows the summary when the feed gives no content', async () => {
		const article = makeArticle(1, {content: {format: 'text', value: ''}, summary: {format: 'text', value: 'Only a summary.'}});
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))]);
		await press(app.stdin, KEYS.right);
		await eventually(app.frame).toContain('Only a summary.');
	});

	it('wraps a long title instead of cutting it', async () => {
		const title = 'A very long headline that keeps going and going well past the width of any ordinary terminal window ending here';
		const app = await renderReader([fakeSource(okResult('Flash News', [makeArticle(1, {title})]))]);
		await press(app.stdin, KEYS.enter);
		await eventually(app.frame).toContain('ending here');
		expect(app.frame()).not.toContain('…');
	});

	it('goes back to the list with Esc, ←, h, Backspace or q, keeping the same article selected', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(6)))]);
		for (const [index, back] of [KEYS.escape, KEYS.left, 'h', KEYS.backspace, 'q'].entries()) {
			await press(app.stdin, 'j', KEYS.enter);
			await eventually(app.frame).toContain(`Body of article ${index + 2}.`);
			await press(app.stdin, back);
			await eventually(app.selectedLine).toContain(`Headline number ${index + 2}`);
		}
	});

	it('scrolls a long article and shows where it is', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', [makeArticle(1, {content: {format: 'text', value: longBody}})]))]);
		await press(app.stdin, KEYS.enter);
		await eventually(app.frame).toMatch(/lines 1–19 of \d+/);
		expect(app.frame()).not.toContain('Paragraph 30 ');
		await press(app.stdin, 'j', KEYS.down);
		await eventually(app.frame).toMatch(/lines 3–21 of/);
		await press(app.stdin, 'k');
		await eventually(app.frame).toMatch(/lines 2–20 of/);
		await press(app.stdin, ' ');
		await eventually(app.frame).toMatch(/lines 21–39 of/);
		await press(app.stdin, KEYS.pageUp);
		await eventually(app.frame).toMatch(/lines 2–20 of/);
		await press(app.stdin, 'G');
		await eventually(app.frame).toContain('Paragraph 60 of the story.');
		expect(app.frame()).toContain('(100%)');
		await press(app.stdin, 'g');
		await eventually(app.frame).toMatch(/lines 1–19 of/);
	});

	it('bookmarks the open article with b', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(2)))]);
		await press(app.stdin, KEYS.enter, 'b');
		expect(app.store.isBookmarked('a1')).toBe(true);
		await press(app.stdin, 'b');
		expect(app.store.isBookmarked('a1')).toBe(false);
	});

	it('opens the next and previous articles with J and K, marking them read', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))]);
		await press(app.stdin, KEYS.enter, 'J');
		expect(app.store.isRead('a2')).toBe(true);
		expect(app.store.isRead('a3')).toBe(false);
		await eventually(app.frame).toContain('Body of article 2.');
		await press(app.stdin, 'J');
		await eventually(app.frame).toContain('Body of article 3.');
		await press(app.stdin, 'K');
		await eventually(app.frame).toContain('Body of article 2.');
		expect(app.store.isRead('a3')).toBe(true);
		await press(app.stdin, KEYS.escape);
		await eventually(app.selectedLine).toContain('Headline number 2');
	});

	it('opens the next unread article with n', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(4)))]);
		app.store.setRead('a2', true);
		await press(app.stdin, KEYS.enter, 'n');
		await eventually(app.frame).toContain('Body of article 3.');
		expect(app.store.isRead('a3')).toBe(true);
	});

	it('shows the article view hints', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(2)))]);
		await press(app.stdin, KEYS.enter);
		await eventually(app.hintLine).toContain('J/K next/prev');
		expect(app.hintLine()).toContain('Esc back');
	});
});

describe('fast input', () => {
	it('opens the second article when "j" and Enter arrive in one write', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))]);
		await press(app.stdin, 'j\r');
		expect(app.store.isRead('a2')).toBe(true);
		expect(app.store.isRead('a1')).toBe(false);
		await eventually(app.frame).toContain('Body of article 2.');
	});

	it('moves three rows for a pasted "jjj"', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(5)))]);
		await press(app.stdin, 'jjj');
		await eventually(app.selectedLine).toContain('Headline number 4');
	});

	it('acts on keys written back to back before the screen redraws', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(5)))]);
		app.stdin.write('j');
		app.stdin.write('j');
		app.stdin.write('b');
		expect(app.store.isBookmarked('a3')).toBe(true);
		await eventually(app.selectedLine).toMatch(/^›●★ Headline number 3/);
	});
});
