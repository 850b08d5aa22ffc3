import {describe, expect, it} from 'vitest';
import {ALL_ARTICLES} from '../../../src/core/search/article-filter.js';
import {defaultBindings} from '../../../src/ui/keys/bindings.js';
import {createKeymap} from '../../../src/ui/keys/keymap.js';
import type {KeyEvent} from '../../../src/ui/keys/parse-keys.js';
import {openPicker} from '../../../src/ui/picker/picker-state.js';
import {actionForKey} from '../../../src/ui/reader/reader-input.js';
import {initialReaderState, type ReaderState} from '../../../src/ui/reader/reader-state.js';
import {makeArticles} from '../helpers/articles.js';

const keymap = createKeymap(defaultBindings);
const articles = makeArticles(3);
const list = initialReaderState(articles);
const detail: ReaderState = {...list, screen: {kind: 'detail', scroll: 0}};
const help: ReaderState = {...list, overlay: {kind: 'help', page: 0}};
const picker: ReaderState = {...list, overlay: {kind: 'picker', ...openPicker(articles, ALL_ARTICLES)}};
const searching: ReaderState = {...list, overlay: {kind: 'search'}};

const key = (stroke: string): KeyEvent => ({kind: 'key', stroke});

describe('what a key means on each screen', () => {
	it('reads the same key by the screen it is pressed on', () => {
		expect(actionForKey(list, key('j'), keymap)).toEqual({type: 'command', command: 'moveDown'});
		expect(actionForKey(detail, key('j'), keymap)).toEqual({type: 'command', command: 'scrollDown'});
		expect(actionForKey(picker, key('j'), keymap)).toEqual({type: 'command', command: 'pickerDown'});
		expect(actionForKey(list, key('q'), keymap)).toEqual({type: 'command', command: 'quit'});
		expect(actionForKey(detail, key('q'), keymap)).toEqual({type: 'command', command: 'back'});
	});

	it('closes the help on any key, bound or not, but Space, which turns its page', () => {
		for (const stroke of ['j', 'x', 'escape', '?']) expect(actionForKey(help, key(stroke), keymap), stroke).toEqual({type: 'closeOverlay'});
		expect(actionForKey(help, key('space'), keymap)).toEqual({type: 'helpPage'});
	});

	it('types letters, spaces and pastes into the search line, and gives it its own keys', () => {
		expect(actionForKey(searching, key('q'), keymap)).toEqual({type: 'searchType', text: 'q'});
		expect(actionForKey(searching, key('/'), keymap)).toEqual({type: 'searchType', text: '/'});
		expect(actionForKey(searching, key('space'), keymap)).toEqual({type: 'searchType', text: ' '});
		expect(actionForKey(searching, {kind: 'paste', text: 'ferry port'}, keymap)).toEqual({type: 'searchType', text: 'ferry port'});
		expect(actionForKey(searching, key('return'), keymap)).toEqual({type: 'command', command: 'searchKeep'});
		expect(actionForKey(searching, key('escape'), keymap)).toEqual({type: 'command', command: 'searchClear'});
		expect(actionForKey(searching, key('backspace'), keymap)).toEqual({type: 'command', command: 'searchErase'});
		expect(actionForKey(searching, key('down'), keymap)).toEqual({type: 'command', command: 'searchDown'});
		expect(actionForKey(searching, key('tab'), keymap)).toBeUndefined();
	});

	it("gives the picker none of the reader's global keys", () => {
		expect(actionForKey(picker, key('b'), keymap)).toBeUndefined();
		expect(actionForKey(picker, key('?'), keymap)).toBeUndefined();
	});

	it('never reads pasted text as keys, on any screen but the search line', () => {
		const paste: KeyEvent = {kind: 'paste', text: 'qbm?f'};
		for (const state of [list, detail, help, picker]) expect(actionForKey(state, paste, keymap)).toBeUndefined();
	});

	it('follows the keymap it is given', () => {
		const custom = createKeymap(defaultBindings.map(binding => (binding.command === 'quit' ? {...binding, keys: ['Q']} : binding)));
		expect(actionForKey(list, key('q'), custom)).toBeUndefined();
		expect(actionForKey(list, key('Q'), custom)).toEqual({type: 'command', command: 'quit'});
	});
});
