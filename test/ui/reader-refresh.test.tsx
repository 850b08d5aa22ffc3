import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Article, FeedResult} from '../../src/core/articles/article.js';
import type {Source} from '../../src/load/source.js';
import {makeArticles, okResult} from './helpers/articles.js';
import {eventually, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

/** A source that counts its loads; from the second load on, each waits for `release()`. */
function refreshable(title: string, articles: (load: number) => Article[]) {
	let loads = 0;
	let release = () => {};
	const source: Source & {loads(): number; release(): void} = {
		id: title,
		label: title,
		async load(): Promise<FeedResult> {
			const load = ++loads;
			if (load > 1) await new Promise<void>(resolve => (release = resolve));
			return okResult(title, articles(load));
		},
		loads: () => loads,
		release: () => release(),
	};
	return source;
}

describe('refreshing feeds in the reader', () => {
	it('refreshes only the feed of the selected article with r, in the background', async () => {
		const first = refreshable('First', () => makeArticles(2));
		const second = refreshable('Second', () => makeArticles(4).slice(2));
		const app = await renderReader([first, second]);
		await press(app.stdin, 'r');
		await eventually(app.statusLine).toMatch(/Refreshing 1 of 2 feeds/);
		expect([first.loads(), second.loads()]).toEqual([2, 1]);
		await press(app.stdin, 'j');
		await eventually(app.selectedLine).toContain('Headline number 2');
		first.release();
		await eventually(app.statusLine).not.toContain('Refreshing');
	});

	it('refreshes every feed with R; new articles appear without moving the selection', async () => {
		const growing = refreshable('Growing', load => makeArticles(load === 1 ? 3 : 5).slice(load === 1 ? 1 : 0));
		const app = await renderReader([growing]);
		await press(app.stdin, 'j');
		await eventually(app.selectedLine).toContain('Headline number 3');
		await press(app.stdin, 'R');
		await eventually(app.statusLine).toMatch(/Refreshing 0 of 1 feeds/);
		growing.release();
		await eventually(app.frame).toContain('Headline number 1');
		expect(app.selectedLine()).toContain('Headline number 3');
	});
});
