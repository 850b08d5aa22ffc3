import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {locator, parseSettings} from '../../../src/present/settings/settings-file.js';
import {defaultBindings} from '../../../src/ui/keys/bindings.js';
import {createKeymap} from '../../../src/ui/keys/keymap.js';
import {applyUserKeys, readKey} from '../../../src/ui/keys/user-bindings.js';

const at = locator('config.toml');

function userKeys(...lines: string[]) {
	const {sections} = parseSettings(['[keys]', ...lines].join('\n'));
	const result = applyUserKeys(defaultBindings, sections.keys, at);
	return {...result, keymap: createKeymap(result.table)};
}

const keysOf = (table: ReturnType<typeof userKeys>['table'], command: string) => table.find(binding => binding.command === command)?.keys;

describe('rebinding keys', () => {
	it("gives a command the user's key in place of its own", () => {
		const {keymap, problems} = userKeys('openLink = "O"');
		expect(problems).toEqual([]);
		expect(keymap.match('O', 'list')).toBe('openLink');
		expect(keymap.match('O', 'detail')).toBe('openLink');
		expect(keymap.match('o', 'list')).toBeUndefined();
	});

	it('takes a list of keys and key names in any case', () => {
		const {table, problems} = userKeys('moveDown = ["@", "Down"]', 'pageDown = ["PgDn", "Space"]', 'back = "Esc"', 'open = "enter"');
		expect(problems).toEqual([]);
		expect(keysOf(table, 'moveDown')).toEqual(['@', 'down']);
		expect(keysOf(table, 'pageDown')).toEqual(['pagedown', 'space']);
		expect(keysOf(table, 'back')).toEqual(['escape']);
		expect(keysOf(table, 'open')).toEqual(['return']);
	});

	it('lets two commands swap their keys', () => {
		const {keymap, problems} = userKeys('moveDown = "k"', 'moveUp = "j"');
		expect(problems).toEqual([]);
		expect(keymap.match('k', 'list')).toBe('moveDown');
		expect(keymap.match('j', 'list')).toBe('moveUp');
	});

	it('reports an unknown command, suggesting the one meant', () => {
		expect(userKeys('', 'fly = "%"').problems).toEqual([
			'config.toml line 3: "fly" is not a command (README, "Make it yours", lists them)',
		]);
		expect(userKeys('openlink = "%"').problems).toEqual(['config.toml line 2: "openlink" is not a command; did you mean openLink?']);
	});

	it('reports an unknown key name, and the command keeps its built-in keys', () => {
		const {table, problems} = userKeys('moveDown = ["@", "ctrl-x"]');
		expect(problems).toEqual([
			'config.toml line 2: moveDown: "ctrl-x" is not a key (one character, or one of up, down, left, right, pageup, pagedown, home, end, return, escape, backspace, space, tab); moveDown keeps j ↓',
		]);
		expect(keysOf(table, 'moveDown')).toEqual(['j', 'down']);
	});

	it('reports a value that is not a key or list of keys', () => {
		expect(userKeys('quit = 3', 'help = []').problems).toEqual([
			'config.toml line 2: quit needs a key or a list of keys, such as "x" or ["x", "down"]; quit keeps q',
			'config.toml line 3: help needs a key or a list of keys, such as "x" or ["x", "down"]; help keeps ?',
		]);
	});

	it('keeps the built-in keys of a command given a key another command on its screen has', () => {
		const {keymap, problems} = userKeys('openLink = "j"');
		expect(problems).toEqual(['config.toml line 2: openLink: j is also the key of moveDown; openLink keeps o']);
		expect(keymap.match('j', 'list')).toBe('moveDown');
		expect(keymap.match('o', 'list')).toBe('openLink');
	});

	it('keeps the first of two entries that give one key to two commands, taking back the later', () => {
		const {keymap, problems} = userKeys('quit = "%"', 'feeds = "%"');
		expect(problems).toEqual(['config.toml line 3: feeds: % is also the key of quit; feeds keeps f']);
		expect(keymap.match('%', 'list')).toBe('quit');
		expect(keymap.match('f', 'list')).toBe('feeds');
	});

	it('allows one key for commands of screens that never meet', () => {
		const {problems} = userKeys('pickerCancel = "%"', 'quit = "%"');
		expect(problems).toEqual([]);
	});

	it('reads single characters as they are, case and all', () => {
		expect(readKey('G')).toBe('G');
		expect(readKey(' ')).toBe('space');
		expect(readKey('é')).toBe('é');
		expect(readKey('PageUp')).toBe('pageup');
		expect(readKey('ctrl+c')).toBeUndefined();
	});
});

describe('the README', () => {
	it('names every command a config file may rebind', () => {
		const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
		const section = readme.slice(readme.indexOf('## Make it yours'), readme.indexOf('## Sources and formats'));
		const missing = defaultBindings.map(binding => binding.command).filter(command => !section.includes(`\`${command}\``));
		expect(missing).toEqual([]);
	});
});
