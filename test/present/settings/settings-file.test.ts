import {describe, expect, it} from 'vitest';
import {parseSettings} from '../../../src/present/settings/settings-file.js';

describe('the settings file', () => {
	it('reads each entry of [keys] and [theme] with its line', () => {
		const text = [
			'# my keys',
			'[keys]',
			'openLink = "O"',
			'"moveDown" = ["t", "down"]',
			'',
			'[theme]',
			"base = 'light'",
			'link = "#0055aa"',
		].join('\n');
		expect(parseSettings(text)).toEqual({
			sections: {
				keys: [
					{name: 'openLink', value: 'O', line: 3},
					{name: 'moveDown', value: ['t', 'down'], line: 4},
				],
				theme: [
					{name: 'base', value: 'light', line: 7},
					{name: 'link', value: '#0055aa', line: 8},
				],
			},
			problems: [],
		});
	});

	it('finds the line of dotted keys and of entries in an inline table', () => {
		const text = ['keys.quit = "Q"', 'theme = { link = "blue" }'].join('\n');
		const {sections} = parseSettings(text);
		expect(sections.keys).toEqual([{name: 'quit', value: 'Q', line: 1}]);
		expect(sections.theme).toEqual([{name: 'link', value: 'blue', line: 2}]);
	});

	it('drops a file that is not TOML, naming the line of the mistake', () => {
		const result = parseSettings('[keys]\nquit = "Q"\nopenLink = \n');
		expect(result.sections).toEqual({keys: [], theme: []});
		expect(result.problems).toEqual(['config.toml line 3: not valid TOML (invalid value); using the built-in keys and colours']);
	});

	it('names an unknown section and a section that is not a table', () => {
		const result = parseSettings('keys = "vim"\n\n[colours]\nlink = "blue"\n');
		expect(result.problems).toEqual([
			'config.toml line 1: "keys" should be a section ([keys]); using the built-in keys',
			'config.toml line 3: unknown setting "colours" (the sections are [keys] and [theme])',
		]);
	});

	it('reads an empty file as no settings', () => {
		expect(parseSettings('')).toEqual({sections: {keys: [], theme: []}, problems: []});
	});
});
