import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {
	bindingsFor,
	helpSections,
	hintsFor,
	keyBindings,
	keyLabel,
	keyStrokes,
	matchCommand,
	NAMED_KEYS,
	type CommandId,
} from '../../src/ui/key-bindings.js';

// A record, so the compiler insists every command is listed here.
const EVERY_COMMAND: Record<CommandId, true> = {
	moveDown: true,
	moveUp: true,
	pageDown: true,
	pageUp: true,
	first: true,
	last: true,
	open: true,
	scrollDown: true,
	scrollUp: true,
	scrollPageDown: true,
	scrollPageUp: true,
	scrollTop: true,
	scrollBottom: true,
	nextArticle: true,
	previousArticle: true,
	back: true,
	toggleBookmark: true,
	toggleRead: true,
	nextUnread: true,
	feeds: true,
	help: true,
	quit: true,
	pickerDown: true,
	pickerUp: true,
	pickerFirst: true,
	pickerLast: true,
	pickerChoose: true,
	pickerCancel: true,
};
const ALL_COMMANDS = Object.keys(EVERY_COMMAND) as CommandId[];

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

describe('the key bindings table', () => {
	it('gives every command at least one key', () => {
		for (const command of ALL_COMMANDS) {
			const binding = keyBindings.find(candidate => candidate.command === command);
			expect(binding?.keys.length ?? 0, command).toBeGreaterThan(0);
		}
		expect(new Set(keyBindings.map(binding => binding.command)).size).toBe(keyBindings.length);
	});

	it('never gives one key to two commands on the same screen', () => {
		for (const context of ['list', 'detail', 'picker'] as const) {
			const owners = new Map<string, CommandId>();
			for (const binding of bindingsFor(context)) {
				for (const key of binding.keys) {
					expect(owners.get(key), `${key} in ${context}`).toBeUndefined();
					owners.set(key, binding.command);
				}
			}
		}
	});

	it('uses only single characters and known key names', () => {
		for (const binding of keyBindings) {
			for (const key of binding.keys) {
				expect([...key].length === 1 || (NAMED_KEYS as readonly string[]).includes(key), key).toBe(true);
			}
		}
	});

	it('matches the keys the issue asks for', () => {
		expect(matchCommand('j', 'list')).toBe('moveDown');
		expect(matchCommand('down', 'list')).toBe('moveDown');
		expect(matchCommand('space', 'list')).toBe('pageDown');
		expect(matchCommand('G', 'list')).toBe('last');
		expect(matchCommand('return', 'list')).toBe('open');
		expect(matchCommand('l', 'list')).toBe('open');
		expect(matchCommand('q', 'list')).toBe('quit');
		expect(matchCommand('q', 'detail')).toBe('back');
		expect(matchCommand('backspace', 'detail')).toBe('back');
		expect(matchCommand('j', 'detail')).toBe('scrollDown');
		expect(matchCommand('J', 'detail')).toBe('nextArticle');
		expect(matchCommand('b', 'detail')).toBe('toggleBookmark');
		expect(matchCommand('b', 'list')).toBe('toggleBookmark');
		expect(matchCommand('f', 'detail')).toBeUndefined();
		expect(matchCommand('x', 'list')).toBeUndefined();
	});

	it('gives the picker its own keys, and none of the reader\'s global ones', () => {
		expect(matchCommand('j', 'picker')).toBe('pickerDown');
		expect(matchCommand('return', 'picker')).toBe('pickerChoose');
		expect(matchCommand('escape', 'picker')).toBe('pickerCancel');
		expect(matchCommand('f', 'picker')).toBe('pickerCancel');
		expect(matchCommand('q', 'picker')).toBe('pickerCancel');
		expect(matchCommand('b', 'picker')).toBeUndefined();
		expect(matchCommand('?', 'picker')).toBeUndefined();
		expect(hintsFor('picker').map(hint => `${hint.keys} ${hint.text}`).join('  ')).toBe('j/k move  ⏎ choose  Esc cancel');
	});
});

describe('the hint bar and the help', () => {
	it('builds the list hints from the table', () => {
		const text = hintsFor('list')
			.map(hint => `${hint.keys} ${hint.text}`)
			.join('  ');
		expect(text).toBe('j/k move  ⏎ open  b save  m read  n next unread  f feeds  ? help  q quit');
	});

	it('shows only commands that work on the screen', () => {
		const detailHints = hintsFor('detail').map(hint => hint.text);
		expect(detailHints).toContain('back');
		expect(detailHints).not.toContain('quit');
		expect(detailHints).not.toContain('feeds');
	});

	it('lists every binding with all its keys in the help', () => {
		const rows = helpSections().flatMap(section => section.rows);
		expect(rows).toHaveLength(keyBindings.length);
		for (const binding of keyBindings) {
			expect(rows).toContainEqual({keys: binding.keys.map(keyLabel).join(' '), description: binding.description});
		}
	});
});

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
