import {describe, expect, it} from 'vitest';
import type {Article} from '../../../src/core/articles/article.js';
import {createSearch, searchText} from '../../../src/core/search/search.js';
import {createSearchTexts} from '../../../src/core/search/search-texts.js';

function article(id: string, title: string): Article {
	return {
		id,
		title,
		author: null,
		feed: 'Flash News',
		section: null,
		published: null,
		link: null,
		summary: {format: 'text', value: ''},
		content: {format: 'text', value: ''},
		categories: [],
	};
}

const articles = Array.from({length: 10}, (_, index) => article(`a${index}`, `Headline ${index} Ferry`));

describe('search texts kept per article', () => {
	it('folds as far as it is allowed, then carries on where it stopped', () => {
		const texts = createSearchTexts();
		let allowed = 2;
		const stopAfterAllowed = () => allowed-- <= 0;
		expect(texts.fold(articles, 0, stopAfterAllowed)).toBe(3);
		expect(texts.fold(articles, 3, () => false)).toBe(10);
	});

	it('folds at least one article each call, however late it starts', () => {
		const texts = createSearchTexts();
		expect(texts.fold(articles, 0, () => true)).toBe(1);
		expect(texts.fold(articles, 1, () => true)).toBe(2);
	});

	it('does not fold an article twice: a folded list passes however little time is left', () => {
		const texts = createSearchTexts();
		texts.fold(articles, 0, () => false);
		expect(texts.fold([...articles].reverse(), 0, () => true)).toBe(10);
	});

	it('gives the same text as the search folds, so a search built on it finds the same', () => {
		const texts = createSearchTexts();
		expect(texts.textOf(articles[4]!)).toBe(searchText(articles[4]!));
		expect(
			createSearch(articles, texts.textOf)
				.run('ferry 4')
				.map(found => found.id),
		).toEqual(['a4']);
	});
});
