import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {KEY_PARSER_START, type KeyEvent, type KeyParserState, keyStrokes, parseKeys} from '../../../src/ui/keys/parse-keys.js';

function inkKey(overrides: Partial<Key> = {}): Key {
	return {
		upArrow: false,
		downArrow: false,
		leftArrow: false,
		rightArrow: false,
		pageDown: false,
		pageUp: false,
		home: false,
		end: false,
		return: false,
		escape: false,
		ctrl: false,
		shift: false,
		tab: false,
		backspace: false,
		delete: false,
		meta: false,
		super: false,
		hyper: false,
		capsLock: false,
		numLock: false,
		...overrides,
	};
}

/** Feeds Ink events through the parser in order, as the reader's input hook does. */
function parseAll(events: Array<[string, Partial<Key>?]>): {state: KeyParserState; events: KeyEvent[]} {
	let state = KEY_PARSER_START;
	const out: KeyEvent[] = [];
	for (const [input, key] of events) {
		const parsed = parseKeys(state, input, inkKey(key));
		state = parsed.state;
		out.push(...parsed.events);
	}
	return {state, events: out};
}

describe('reading Ink input as key strokes', () => {
	it('names special keys', () => {
		expect(keyStrokes('', inkKey({downArrow: true}))).toEqual(['down']);
		expect(keyStrokes('', inkKey({pageDown: true}))).toEqual(['pagedown']);
		expect(keyStrokes('', inkKey({escape: true, meta: true}))).toEqual(['escape']);
		expect(keyStrokes('\r', inkKey({return: true}))).toEqual(['return']);
	});

	it('treats the DEL byte most terminals send for Backspace as backspace', () => {
		expect(keyStrokes('', inkKey({delete: true}))).toEqual(['backspace']);
	});

	it('splits text typed in one burst into single key presses', () => {
		expect(keyStrokes('jjj', inkKey())).toEqual(['j', 'j', 'j']);
		expect(keyStrokes('j\r', inkKey())).toEqual(['j', 'return']);
		expect(keyStrokes('G ?', inkKey())).toEqual(['G', 'space', '?']);
	});

	it('ignores Ctrl combinations', () => {
		expect(keyStrokes('j', inkKey({ctrl: true}))).toEqual([]);
	});

	it('reads Esc pressed quickly before a key (which arrives like Alt+key) as both keys', () => {
		expect(keyStrokes('q', inkKey({meta: true}))).toEqual(['escape', 'q']);
	});
});

describe('bracketed paste', () => {
	it('reads everything between the paste markers as text, never as keys', () => {
		const {state, events} = parseAll([['[200~'], ['qbm\rjj'], ['[201~']]);
		expect(events).toEqual([{kind: 'paste', text: 'qbm\rjj'}]);
		expect(state).toEqual(KEY_PARSER_START);
	});

	it('keeps a paste split over many input events as text until its end marker', () => {
		const {events} = parseAll([['[200~'], ['q'], ['', {return: true}], ['', {downArrow: true}], ['b'], ['[201~'], ['j']]);
		expect(events).toEqual([
			{kind: 'paste', text: 'q'},
			{kind: 'paste', text: '\n'},
			{kind: 'paste', text: 'b'},
			{kind: 'key', stroke: 'j'},
		]);
	});

	it('reads keys as keys again once the paste has ended', () => {
		const {events} = parseAll([['j'], ['[200~'], ['x'], ['[201~'], ['k']]);
		expect(events).toEqual([
			{kind: 'key', stroke: 'j'},
			{kind: 'paste', text: 'x'},
			{kind: 'key', stroke: 'k'},
		]);
	});

	it('ignores an end marker that has no start', () => {
		expect(parseAll([['[201~'], ['j']]).events).toEqual([{kind: 'key', stroke: 'j'}]);
	});
});
