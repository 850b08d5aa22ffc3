import {describe, expect, it} from 'vitest';
import {bylineWho, fitByline, plainByline, topicLine} from '../../src/present/byline.js';
import {displayWidth} from '../../src/present/text-width.js';
import {makeArticle, NOW} from '../ui/helpers/articles.js';

const HOUR = 3_600_000;

describe('the byline', () => {
	it('names the author and the feed, leaving out what the feed did not give', () => {
		expect(bylineWho(makeArticle(1))).toBe('Author 1 · Flash News');
		expect(bylineWho(makeArticle(1, {author: null}))).toBe('Flash News');
	});

	it('ends a headline row byline with how long ago the article came out', () => {
		expect(fitByline(makeArticle(3), NOW, 40)).toBe('Author 3 · Flash News · 3h ago');
	});

	it('cuts the author and feed before the time when room is short', () => {
		const byline = fitByline(makeArticle(3, {author: 'A very long author name indeed'}), NOW, 20);
		expect(byline.endsWith(' · 3h ago')).toBe(true);
		expect(displayWidth(byline)).toBeLessThanOrEqual(20);
	});

	it('shows only the time when there is no room for the author and feed', () => {
		expect(fitByline(makeArticle(3), NOW, 12)).toBe('3h ago');
	});

	it('shows the author and feed alone for an undated article', () => {
		expect(fitByline(makeArticle(1, {published: null}), NOW, 40)).toBe('Author 1 · Flash News');
	});

	it('gives plain output a sortable local timestamp', () => {
		const published = new Date(2025, 3, 17, 9, 5).getTime();
		expect(plainByline(makeArticle(1, {published}))).toBe('Author 1 · Flash News · 2025-04-17 09:05');
		expect(plainByline(makeArticle(1, {published: null, author: null}))).toBe('Flash News');
	});

	it('lists the section first and each category once', () => {
		expect(topicLine(makeArticle(1, {section: 'Bota', categories: ['Bota', 'Ukraine']}))).toBe('Bota · Ukraine');
		expect(topicLine(makeArticle(1, {published: NOW - HOUR}))).toBe('');
	});
});
