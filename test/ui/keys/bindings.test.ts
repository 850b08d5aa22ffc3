import {describe, expect, it} from 'vitest';
import {type CommandId, commandContext, type KeyBinding, defaultBindings as keyBindings} from '../../../src/ui/keys/bindings.js';
import {isValidStroke, keyLabel} from '../../../src/ui/keys/key-names.js';
import {bindingsFor, createKeymap} from '../../../src/ui/keys/keymap.js';

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
	refreshFeed: true,
	refreshAll: true,
	quit: true,
	pickerDown: true,
	pickerUp: true,
	pickerFirst: true,
	pickerLast: true,
	pickerChoose: true,
	pickerCancel: true,
	openLink: true,
	copyLink: true,
	search: true,
	clearSearch: true,
	viewAll: true,
	viewUnread: true,
	viewSaved: true,
	toggleSort: true,
	markViewRead: true,
	undoMarkRead: true,
	previousUnread: true,
	searchKeep: true,
	searchClear: true,
	searchErase: true,
	searchDown: true,
	searchUp: true,
};
const ALL_COMMANDS = Object.keys(EVERY_COMMAND) as CommandId[];

const keymap = createKeymap(keyBindings);
const matchCommand = keymap.match;
const hintText = (screen: 'list' | 'detail' | 'picker') =>
	keymap
		.hints(screen)
		.map(hint => `${hint.keys} ${hint.text}`)
		.join('  ');

describe('the key bindings table', () => {
	it('gives every command at least one key', () => {
		for (const command of ALL_COMMANDS) {
			const binding = keyBindings.find(candidate => candidate.command === command);
			expect(binding?.keys.length ?? 0, command).toBeGreaterThan(0);
		}
		expect(new Set(keyBindings.map(binding => binding.command)).size).toBe(keyBindings.length);
	});

	it('never gives one key to two commands on the same screen', () => {
		for (const context of ['list', 'detail', 'picker', 'search'] as const) {
			const owners = new Map<string, CommandId>();
			for (const binding of bindingsFor(keyBindings, context)) {
				for (const key of binding.keys) {
					expect(owners.get(key), `${key} in ${context}`).toBeUndefined();
					owners.set(key, binding.command);
				}
			}
		}
	});

	it('uses only single characters and known key names', () => {
		const invalid = keyBindings.flatMap(binding => binding.keys.filter(key => !isValidStroke(key)));
		expect(invalid).toEqual([]);
	});

	it('puts each command in the context its screen reads it from', () => {
		for (const binding of keyBindings) expect(binding.context, binding.command).toBe(commandContext(binding.command));
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

	it("gives the picker its own keys, and none of the reader's global ones", () => {
		expect(matchCommand('j', 'picker')).toBe('pickerDown');
		expect(matchCommand('return', 'picker')).toBe('pickerChoose');
		expect(matchCommand('escape', 'picker')).toBe('pickerCancel');
		expect(matchCommand('f', 'picker')).toBe('pickerCancel');
		expect(matchCommand('q', 'picker')).toBe('pickerCancel');
		expect(matchCommand('b', 'picker')).toBeUndefined();
		expect(matchCommand('?', 'picker')).toBeUndefined();
		expect(hintText('picker')).toBe('j/k move  ⏎ choose  Esc cancel');
	});
});

describe('the hint bar and the help', () => {
	it('builds the list hints from the table', () => {
		expect(hintText('list')).toBe('j/k move  ⏎ open  / search  b save  m read  n/N unread  f feeds  ? help  q quit');
	});

	it('shows only commands that work on the screen', () => {
		const detailHints = keymap.hints('detail').map(hint => hint.text);
		expect(detailHints).toContain('back');
		expect(detailHints).not.toContain('quit');
		expect(detailHints).not.toContain('feeds');
	});

	it('lists every binding with all its keys in the help', () => {
		const rows = keymap.help().flatMap(section => section.rows);
		expect(rows).toHaveLength(keyBindings.length);
		for (const binding of keyBindings) {
			expect(rows).toContainEqual({keys: binding.keys.map(keyLabel).join(' '), description: binding.description});
		}
	});
});

describe("a table of the user's own", () => {
	const rebound: KeyBinding[] = keyBindings.map(binding =>
		binding.command === 'moveDown' ? {...binding, keys: ['t', 'down']} : binding.command === 'moveUp' ? {...binding, keys: ['y']} : binding,
	);
	const custom = createKeymap(rebound);

	it('moves with the keys it gives, not the built-in ones', () => {
		expect(custom.match('t', 'list')).toBe('moveDown');
		expect(custom.match('j', 'list')).toBeUndefined();
		expect(custom.match('y', 'list')).toBe('moveUp');
	});

	it('shows its keys in the hints and the help', () => {
		expect(custom.hints('list')[0]).toEqual({keys: 't/y', text: 'move'});
		expect(custom.help().flatMap(section => section.rows)).toContainEqual({keys: 't ↓', description: 'Next headline'});
	});

	it('leaves the built-in keymap as it was', () => {
		expect(keymap.match('j', 'list')).toBe('moveDown');
	});
});
