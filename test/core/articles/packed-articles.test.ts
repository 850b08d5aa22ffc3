import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {type Article, copyArticle} from '../../../src/core/articles/article.js';
import {packArticles, unpackArticles} from '../../../src/core/articles/packed-articles.js';

const text = fc.string({unit: 'grapheme', maxLength: 40});
const body = fc.record(
	{
		format: fc.constantFrom('html' as const, 'text' as const),
		value: fc.oneof(text, fc.string({unit: 'binary', maxLength: 3000})),
		base: fc.webUrl(),
	},
	{requiredKeys: ['format', 'value']},
);
const article: fc.Arbitrary<Article> = fc.record({
	id: fc.string({minLength: 1}),
	title: text,
	author: fc.option(text, {nil: null}),
	feed: text,
	section: fc.option(text, {nil: null}),
	published: fc.option(fc.integer(), {nil: null}),
	link: fc.option(fc.webUrl(), {nil: null}),
	summary: body,
	content: body,
	categories: fc.array(text, {maxLength: 3}),
});

describe('packed articles', () => {
	it('read back exactly as they were packed, bodies included, in any script', () => {
		fc.assert(
			fc.property(fc.array(article, {maxLength: 30}), articles => {
				expect(unpackArticles(packArticles(articles)).map(copyArticle)).toEqual(articles);
			}),
		);
	});

	it('keep every body whole when bodies outgrow the first block of bytes', () => {
		const long = 'é'.repeat(40_000);
		const articles = Array.from({length: 5}, (_, index) => ({
			id: `a${index}`,
			title: `Story ${index}`,
			author: null,
			feed: 'Feed',
			section: null,
			published: null,
			link: null,
			summary: {format: 'text' as const, value: `${index}${long}`},
			content: {format: 'html' as const, value: `<p>${index}</p>`, base: 'https://example.com/'},
			categories: [],
		}));
		const unpacked = unpackArticles(packArticles(articles));
		expect(unpacked.map(copyArticle)).toEqual(articles);
	});
});
