import {describe, expect, it} from 'vitest';
import {type ListAction, listReducer} from '../../../src/ui/list/list-state.js';
import {initialReaderState, type ReaderEnv, type ReaderState} from '../../../src/ui/reader/reader-state.js';
import {makeArticles} from '../helpers/articles.js';

const env: ReaderEnv = {listRows: 5, detailRows: 4, detailLineCount: () => 10, isRead: () => false};
const twelve = makeArticles(12);

function apply(state: ReaderState, ...types: ListAction['type'][]): ReaderState {
	return types.reduce((current, type) => listReducer(current, {type}, env).state, state);
}

describe('the headline list reducer', () => {
	it('moves the shared cursor by rows and pages, stopping at either end', () => {
		const start = initialReaderState(twelve);
		expect(apply(start, 'moveDown', 'moveDown', 'moveUp').cursor).toBe(1);
		expect(apply(start, 'pageDown', 'pageDown', 'pageDown').cursor).toBe(11);
		expect(apply(start, 'last', 'pageUp').cursor).toBe(6);
		expect(apply(start, 'moveUp').cursor).toBe(0);
		expect(apply(start, 'last', 'first').cursor).toBe(0);
	});

	it('opens the selected article at its top and asks for it to be marked read', () => {
		const result = listReducer(apply(initialReaderState(twelve), 'moveDown'), {type: 'open'}, env);
		expect(result.state.screen).toEqual({kind: 'detail', scroll: 0});
		expect(result.effects).toEqual([{type: 'markRead', article: twelve[1]}]);
	});

	it('opens nothing when the list is empty', () => {
		const result = listReducer(initialReaderState(), {type: 'open'}, env);
		expect(result.state.screen).toEqual({kind: 'list'});
		expect(result.effects).toEqual([]);
	});

	it('opens the picker with the filter in use highlighted', () => {
		const articles = makeArticles(4, index => ({section: index % 2 === 0 ? 'Bota' : 'Sport'}));
		const state = {...initialReaderState(articles), filter: {kind: 'section', section: 'Sport'} as const};
		const {overlay} = listReducer(state, {type: 'feeds'}, env).state;
		expect(overlay.kind === 'picker' && overlay.choices[overlay.index]?.label).toBe('Section · Sport');
	});

	it('quits with a quit effect', () => {
		const result = listReducer(initialReaderState(twelve), {type: 'quit'}, env);
		expect(result.state.quitting).toBe(true);
		expect(result.effects).toEqual([{type: 'quit'}]);
	});
});
