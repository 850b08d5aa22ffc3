import {describe, expect, it} from 'vitest';
import {type DetailAction, detailReducer} from '../../../src/ui/detail/detail-state.js';
import {initialReaderState, type ReaderEnv, type ReaderState} from '../../../src/ui/reader/reader-state.js';
import {makeArticles} from '../helpers/articles.js';

const env: ReaderEnv = {listRows: 5, detailRows: 4, detailLineCount: () => 10, isRead: () => false};
const three = makeArticles(3);

/** The second of three articles, open at its top. */
const reading: ReaderState = {...initialReaderState(three), cursor: 1, screen: {kind: 'detail', scroll: 0}};

function apply(state: ReaderState, ...types: DetailAction['type'][]): ReaderState {
	return types.reduce((current, type) => detailReducer(current, {type}, env).state, state);
}

describe('the article view reducer', () => {
	it('scrolls its own offset, from the top to where the last line is at the bottom', () => {
		expect(apply(reading, 'scrollDown', 'scrollDown').screen).toEqual({kind: 'detail', scroll: 2});
		expect(apply(reading, 'scrollPageDown', 'scrollPageDown').screen).toEqual({kind: 'detail', scroll: 6});
		expect(apply(reading, 'scrollBottom', 'scrollPageUp').screen).toEqual({kind: 'detail', scroll: 2});
		expect(apply(reading, 'scrollBottom', 'scrollTop', 'scrollUp').screen).toEqual({kind: 'detail', scroll: 0});
	});

	it('opens the neighbouring articles from their top, marking each read', () => {
		const next = detailReducer(apply(reading, 'scrollDown'), {type: 'nextArticle'}, env);
		expect(next.state).toMatchObject({cursor: 2, screen: {kind: 'detail', scroll: 0}});
		expect(next.effects).toEqual([{type: 'markRead', article: three[2]}]);
		const previous = detailReducer(reading, {type: 'previousArticle'}, env);
		expect(previous.state.cursor).toBe(0);
		expect(previous.effects).toEqual([{type: 'markRead', article: three[0]}]);
	});

	it('says so at either end instead of moving', () => {
		expect(apply(reading, 'nextArticle', 'nextArticle')).toMatchObject({cursor: 2, message: 'this is the last article'});
		expect(apply(reading, 'previousArticle', 'previousArticle')).toMatchObject({cursor: 0, message: 'this is the first article'});
	});

	it('goes back to the list on the same article', () => {
		expect(apply(reading, 'scrollDown', 'back')).toMatchObject({cursor: 1, screen: {kind: 'list'}});
	});
});
