import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Article} from '../../../src/core/articles/article.js';
import {createSearch, foldForSearch} from '../../../src/core/search/search.js';

function article(id: string, fields: Partial<Article> = {}): Article {
	return {
		id,
		title: `Title ${id}`,
		author: null,
		feed: 'Flash News',
		section: null,
		published: null,
		link: null,
		summary: {format: 'text', value: ''},
		content: {format: 'text', value: ''},
		categories: [],
		...fields,
	};
}

const ids = (articles: readonly Article[]) => articles.map(found => found.id);

describe('foldForSearch', () => {
	it('drops case and accents', () => {
		expect(foldForSearch('Kulturë ÇAJ Ёлка Ångström')).toBe('kulture caj елка angstrom');
		expect(foldForSearch('PLAIN ascii')).toBe('plain ascii');
	});
});

describe('createSearch', () => {
	const articles = [
		article('paris', {title: 'Officials meet in Paris', author: 'REL', section: 'Bota', categories: ['Ukraine']}),
		article('tram', {title: 'Capital approves first tram line', author: 'Elira Dushku', section: 'Vendi'}),
		article('culture', {
			title: 'Museum mosaic returns',
			section: 'Kulturë',
			summary: {format: 'html', value: '<p>After sixty years &amp; a long <b>restoration</b></p>'},
		}),
		article('other-feed', {title: 'Battery plant planned', feed: 'Teknologji'}),
	];
	const search = () => createSearch(articles);

	it('matches title, byline, feed, section, categories and summary text, keeping the order', () => {
		expect(ids(search().run('paris'))).toEqual(['paris']);
		expect(ids(search().run('dushku'))).toEqual(['tram']);
		expect(ids(search().run('teknologji'))).toEqual(['other-feed']);
		expect(ids(search().run('bota'))).toEqual(['paris']);
		expect(ids(search().run('ukraine'))).toEqual(['paris']);
		expect(ids(search().run('restoration'))).toEqual(['culture']);
		expect(ids(search().run('sixty years & a'))).toEqual(['culture']);
		expect(ids(search().run('a'))).toEqual(['paris', 'tram', 'culture', 'other-feed']);
	});

	it('ignores case and accents on both sides, and needs every word', () => {
		expect(ids(search().run('KULTURE'))).toEqual(['culture']);
		expect(ids(search().run('kulturë mosaic'))).toEqual(['culture']);
		expect(ids(search().run('kulture tram'))).toEqual([]);
		expect(ids(search().run('  tram   capital '))).toEqual(['tram']);
	});

	it('gives every article for an empty query, and does not match markup', () => {
		expect(search().run('   ')).toBe(articles);
		expect(ids(search().run('<b>'))).toEqual([]);
	});

	it('narrowing while typing gives what a fresh search gives, whatever is typed or deleted', () => {
		const words = ['paris', 'tram', 'kulturë', 'museum', 'a', 'e', ' ', 'rel', 'plant', 'Ç'];
		const many = Array.from({length: 60}, (_, index) =>
			article(String(index), {
				title: `${words[index % words.length]} ${words[(index * 7) % words.length]}`,
				section: words[(index * 3) % words.length],
			}),
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom('⌫')), {maxLength: 12}), steps => {
				const live = createSearch(many);
				let query = '';
				for (const step of steps) {
					query = step === '⌫' ? query.slice(0, -1) : query + step;
					expect(ids(live.run(query))).toEqual(ids(createSearch(many).run(query)));
				}
			}),
		);
	});
});

describe('searching bodies', () => {
	it('finds words that only the article body holds, HTML or text, without matching its markup', () => {
		const articles = [
			article('html', {content: {format: 'html', value: '<p>The <em>lighthouse</em> keeper &amp; the gull</p>'}}),
			article('text', {content: {format: 'text', value: 'A quiet harbour at dawn'}}),
		];
		expect(ids(createSearch(articles).run('lighthouse keeper'))).toEqual(['html']);
		expect(ids(createSearch(articles).run('harbour dawn'))).toEqual(['text']);
		expect(ids(createSearch(articles).run('em'))).toEqual([]);
	});
});

describe('answers that come back', () => {
	it('gives the same array when a query comes back after typing on and erasing', () => {
		const many = Array.from({length: 20}, (_, index) => article(String(index), {title: index % 2 === 0 ? 'ferry port' : 'tram'}));
		const live = createSearch(many);
		const first = live.run('ferry');
		live.run('ferry p');
		expect(live.run('ferry')).toBe(first);
		expect(live.run('ferry ')).toBe(first);
	});
});
