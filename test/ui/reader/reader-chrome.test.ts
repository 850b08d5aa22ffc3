import {describe, expect, it} from 'vitest';
import type {LoaderSnapshot} from '../../../src/load/loader.js';
import {statusSegments} from '../../../src/ui/reader/reader-chrome.js';
import {makeArticles, okResult} from '../helpers/articles.js';

function loading(partial: boolean): LoaderSnapshot {
	const result = okResult('Big', makeArticles(3));
	return {pending: 1, results: [result], loading: [true], partial: [partial], articles: result.ok ? result.articles : []};
}
const statusText = (snapshot: LoaderSnapshot) => statusSegments(null, snapshot, [], '*').map(segment => segment.text);

describe('the status line while feeds load', () => {
	it('says a feed shown from what it has parsed so far is being loaded, not refreshed', () => {
		expect(statusText(loading(true))).toEqual(['* 0 of 1 feed loaded…']);
	});

	it('says a feed shown from a whole earlier result (a cached copy, the last load) is being refreshed', () => {
		expect(statusText(loading(false))).toEqual(['* 0 of 1 feed refreshed…']);
	});
});
