import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {describe, expect, it} from 'vitest';
import type {Article} from '../../../src/core/articles/article.js';
import {createStringSharer} from '../../../src/core/articles/shared-strings.js';

function article(index: number): Article {
	return {
		id: `id-${index}`,
		title: `Title ${index}`,
		author: `Author ${index % 7} ${'of the bench desk '.repeat(8)}`,
		feed: `The feed ${'with a long title '.repeat(8)}`,
		section: `Section ${index % 5} ${'and more '.repeat(12)}`,
		published: 1_700_000_000_000 + index,
		link: `https://example.com/${index}`,
		summary: {format: 'html', value: `<p>Summary ${index}</p>`},
		content: {format: 'text', value: ''},
		categories: [`Category ${index % 3} ${'and more '.repeat(12)}`, 'Short'],
	};
}

/** Articles as they arrive from a worker: every string a copy of its own. */
const arrived = (count: number) => structuredClone(Array.from({length: count}, (_, index) => article(index)));

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapWith(keep: () => unknown): number {
	collectGarbage();
	const before = process.memoryUsage().heapUsed;
	const kept = keep();
	collectGarbage();
	const after = process.memoryUsage().heapUsed;
	expect(kept).toBeDefined();
	return after - before;
}

describe('sharing the repeated strings of arriving articles', () => {
	it('changes no value', () => {
		const articles = arrived(500);
		const share = createStringSharer();
		for (const each of articles) share(each);
		expect(articles).toEqual(Array.from({length: 500}, (_, index) => article(index)));
	});

	it('keeps one copy of each repeated string instead of one per article', () => {
		const count = 20_000;
		const unshared = heapWith(() => arrived(count));
		const shared = heapWith(() => {
			const articles = arrived(count);
			const share = createStringSharer();
			for (const each of articles) share(each);
			return articles;
		});
		// Feed, author, section and a category of about 150 characters each, once per article.
		expect(unshared - shared).toBeGreaterThan(count * 4 * 150 * 0.8);
	});
});
