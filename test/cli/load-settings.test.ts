import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_SETTINGS, loadSettings} from '../../src/cli/settings/load-settings.js';
import {BUILT_IN_THEMES} from '../../src/present/theme.js';
import {createKeymap} from '../../src/ui/keys/keymap.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function configDir(settings?: string): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'flashnews-settings-'));
	dirs.push(dir);
	if (settings !== undefined) writeFileSync(path.join(dir, 'config.toml'), settings);
	return dir;
}

const EVERY_MISTAKE = `# flashnews settings with one of every mistake
[keys]
openLink = "O"
fly = "x"
moveDown = ["j", "ctrl-x"]
copyLink = "q"
help = "H"

[theme]
base = "light"
link = "blurple"
unread = "magenta"
shadow = "black"

[colours]
link = "blue"
`;

describe('the config file', () => {
	it('gives the built-in keys and colours, and no message, when there is none', () => {
		expect(loadSettings(configDir())).toBe(DEFAULT_SETTINGS);
	});

	it('applies what is right in a file with every kind of mistake, with a message naming the line of each', () => {
		const settings = loadSettings(configDir(EVERY_MISTAKE));
		expect(settings.problems).toEqual([
			'config.toml line 15: unknown setting "colours" (the sections are [keys] and [theme])',
			'config.toml line 4: "fly" is not a command (README, "Make it yours", lists them)',
			expect.stringMatching(
				/^config\.toml line 5: moveDown: "ctrl-x" is not a key \(one character, or one of up, .*\); moveDown keeps j ↓$/,
			),
			'config.toml line 6: copyLink: q is also the key of quit; copyLink keeps y',
			'config.toml line 11: theme link: "blurple" is not a colour (a name such as blue or cyanBright, or #rrggbb); keeping the light theme\'s',
			'config.toml line 13: "shadow" is not a colour role of the theme (unread, selected, byline, link, error, or base)',
		]);
		const keymap = createKeymap(settings.bindings);
		expect(keymap.match('O', 'detail')).toBe('openLink');
		expect(keymap.match('H', 'list')).toBe('help');
		expect(keymap.match('y', 'list')).toBe('copyLink');
		expect(keymap.match('j', 'list')).toBe('moveDown');
		expect(settings.themeSpec.link).toEqual(BUILT_IN_THEMES.light.link);
		expect(settings.themeSpec.unreadMarker.color).toBe('magenta');
		expect(settings.themeSpec.header).toEqual(BUILT_IN_THEMES.light.header);
	});

	it('starts with the built-in settings when the file is not TOML', () => {
		const settings = loadSettings(configDir('[keys\nquit = "Q"\n'));
		expect(settings.bindings).toEqual(DEFAULT_SETTINGS.bindings);
		expect(settings.themeSpec).toEqual(DEFAULT_SETTINGS.themeSpec);
		expect(settings.problems).toEqual([
			expect.stringMatching(/^config\.toml line 1: not valid TOML \(.+\); using the built-in keys and colours$/),
		]);
	});

	it('says so when the file cannot be read', () => {
		const dir = configDir();
		mkdirSync(path.join(dir, 'config.toml'));
		expect(loadSettings(dir).problems).toEqual([
			`${path.join(dir, 'config.toml')} is not a regular file; using the built-in keys and colours`,
		]);
	});
});
