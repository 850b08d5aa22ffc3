import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createMemoryStore} from '../../src/store/memory-store.js';
import {fakeSource, makeArticle, makeArticles, okResult} from './helpers/articles.js';
import {eventually, KEYS, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

const five = makeArticles(5, index => ({feed: index % 2 === 1 ? 'Wire' : 'Daily'}));
const sources = () => [
	fakeSource(
		okResult(
			'Wire',
			five.filter(article => article.feed === 'Wire'),
		),
	),
	fakeSource(
		okResult(
			'Daily',
			five.filter(article => article.feed === 'Daily'),
		),
	),
];
const header = (app: {lines(): string[]}) => () => app.lines()[0] ?? '';

describe('views', () => {
	it('switches to unread only and back to all, naming the view in the header', async () => {
		const store = createMemoryStore();
		store.setRead('a2', true);
		const app = await renderReader(sources(), {store});
		await press(app.stdin, 'U');
		await eventually(header(app)).toMatch(/^Unread +4 articles · 4 unread/);
		expect(app.frame()).not.toContain('Headline number 2');
		await press(app.stdin, 'a');
		await eventually(header(app)).toMatch(/^2 feeds +5 articles · 4 unread/);
	});

	it('shows the saved snapshots, and opens one whose feed no longer has it', async () => {
		const store = createMemoryStore();
		store.setBookmark(
			makeArticle(42, {title: 'Gone from its feed', feed: 'Closed Wire', content: {format: 'text', value: 'Still readable.'}}),
			true,
		);
		store.setBookmark(five[2]!, true);
		const app = await renderReader(sources(), {store});
		await press(app.stdin, 'B');
		await eventually(header(app)).toMatch(/^Saved +2 articles · 2 unread · 2 ★/);
		await press(app.stdin, 'j', KEYS.enter);
		await eventually(app.frame).toContain('Still readable.');
		expect(app.frame()).toContain('Gone from its feed');
	});

	it('combines a view with a search, and keeps the selection on its article when switching', async () => {
		const store = createMemoryStore();
		store.setRead('a1', true);
		const app = await renderReader(sources(), {store});
		await press(app.stdin, 'j', 'j');
		await eventually(app.selectedLine).toContain('Headline number 3');
		await press(app.stdin, 'U');
		await eventually(header(app)).toMatch(/^Unread /);
		expect(app.selectedLine()).toContain('Headline number 3');
		await press(app.stdin, '/', 'number 5', KEYS.enter);
		await eventually(header(app)).toContain('Unread · search: number 5 · 1 of 4');
	});

	it('sorts by feed and by date again with s', async () => {
		const app = await renderReader(sources());
		await press(app.stdin, 's');
		await eventually(header(app)).toMatch(/^2 feeds · by feed /);
		const order = () =>
			app
				.lines()
				.filter(line => line.includes('Headline number'))
				.map(line => /number (\d)/.exec(line)?.[1]);
		expect(order()).toEqual(['2', '4', '1', '3', '5']);
		await press(app.stdin, 's');
		await eventually(order).toEqual(['1', '2', '3', '4', '5']);
	});
});

describe('marking the view read', () => {
	it('marks every article in the view read with A and undoes it with u', async () => {
		const store = createMemoryStore();
		store.setRead('a5', true);
		const app = await renderReader(sources(), {store});
		await press(app.stdin, 'A');
		await eventually(app.statusLine).toBe('marked 4 articles read · u undoes');
		expect(header(app)()).toContain('5 articles · 0 unread');
		await press(app.stdin, 'u');
		await eventually(app.statusLine).toBe('marked 4 articles unread again');
		expect(header(app)()).toContain('5 articles · 4 unread');
		expect(store.isRead('a5')).toBe(true);
	});

	it('has nothing to undo after another read mark changed', async () => {
		const app = await renderReader(sources());
		await press(app.stdin, 'A');
		await eventually(app.statusLine).toBe('marked 5 articles read · u undoes');
		await press(app.stdin, 'm', 'u');
		await eventually(app.statusLine).toBe('nothing to undo');
		expect(header(app)()).toContain('1 unread');
	});
});
