import {describe, expect, it} from 'vitest';
import type {Article} from '../../src/core/articles/article.js';
import {toArticleJson} from '../../src/present/article-json.js';

const article: Article = {
	id: 'https://news.example/1',
	title: 'Samiti mbyllet',
	author: 'Arben Hoxha, REL',
	feed: 'Flash News',
	section: 'Bota',
	published: Date.UTC(2024, 4, 3, 10, 30),
	link: 'https://news.example/1',
	summary: {format: 'html', value: '<p>Liderët <b>nuk</b> arritën &amp; ikën.</p>'},
	content: {format: 'text', value: 'Rreshti i parë.\nRreshti i dytë.'},
	categories: ['Bota', 'BE'],
};

describe('toArticleJson', () => {
	it('has the scripting keys in the documented order, then section', () => {
		expect(Object.keys(toArticleJson(article, {read: false, bookmarked: false}))).toEqual([
			'id',
			'title',
			'author',
			'feed',
			'published',
			'link',
			'summary',
			'content',
			'categories',
			'read',
			'bookmarked',
			'section',
		]);
	});

	it('gives the date as an ISO 8601 UTC string for the same instant', () => {
		const {published} = toArticleJson(article, {read: false, bookmarked: false});
		expect(published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/);
		expect(Date.parse(published!)).toBe(article.published);
	});

	it('gives bodies as plain text, without HTML tags or entities', () => {
		const json = toArticleJson(article, {read: false, bookmarked: false});
		expect(json.summary).toBe('Liderët nuk arritën & ikën.');
		expect(json.content).toBe('Rreshti i parë.\nRreshti i dytë.');
	});

	it('carries the read and bookmark state it is given', () => {
		expect(toArticleJson(article, {read: true, bookmarked: false})).toMatchObject({read: true, bookmarked: false});
		expect(toArticleJson(article, {read: false, bookmarked: true})).toMatchObject({read: false, bookmarked: true});
	});

	it('keeps unknown values as null and copies the rest', () => {
		const bare: Article = {...article, author: null, published: null, link: null, section: null, categories: []};
		expect(toArticleJson(bare, {read: false, bookmarked: false})).toMatchObject({
			id: article.id,
			title: article.title,
			feed: article.feed,
			author: null,
			published: null,
			link: null,
			section: null,
			categories: [],
		});
	});

	it('survives JSON.stringify and back unchanged', () => {
		const json = toArticleJson(article, {read: true, bookmarked: true});
		expect(JSON.parse(JSON.stringify(json))).toEqual(json);
	});
});
