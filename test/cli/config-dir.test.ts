import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {chooseStateDir, type Platform} from '../../src/cli/config-dir.js';

function machine(overrides: Partial<Platform> & {accountHomeIs?: string | undefined} = {}): Platform {
	const {accountHomeIs, ...rest} = overrides;
	const account = 'accountHomeIs' in overrides ? accountHomeIs : '/home/ana';
	return {env: {}, platform: 'linux', home: '/home/ana', accountHome: () => account, ...rest};
}

describe('where the state lives', () => {
	it('is the directory given, made absolute', () => {
		expect(chooseStateDir('profiles/work', machine())).toEqual({ok: true, dir: path.resolve('profiles/work')});
	});

	it('is $XDG_CONFIG_HOME/flashnews when that is absolute, else ~/.config/flashnews', () => {
		expect(chooseStateDir(undefined, machine({env: {XDG_CONFIG_HOME: '/srv/config'}}))).toEqual({ok: true, dir: '/srv/config/flashnews'});
		expect(chooseStateDir(undefined, machine())).toEqual({ok: true, dir: '/home/ana/.config/flashnews'});
	});

	it('ignores a relative or empty $XDG_CONFIG_HOME, as the XDG spec says', () => {
		for (const XDG_CONFIG_HOME of ['config', './config', '']) {
			expect(chooseStateDir(undefined, machine({env: {XDG_CONFIG_HOME}}))).toEqual({ok: true, dir: '/home/ana/.config/flashnews'});
		}
	});

	it("uses the account's home directory when $HOME is empty or relative", () => {
		expect(chooseStateDir(undefined, machine({home: ''}))).toEqual({ok: true, dir: '/home/ana/.config/flashnews'});
		expect(chooseStateDir(undefined, machine({home: 'ana', accountHomeIs: '/users/ana'}))).toEqual({
			ok: true,
			dir: '/users/ana/.config/flashnews',
		});
	});

	it('is nowhere, with a reason, when no home directory is known: never the current directory', () => {
		const state = chooseStateDir(undefined, machine({home: '', accountHomeIs: undefined, env: {XDG_CONFIG_HOME: 'rel'}}));
		expect(state).toEqual({ok: false, problem: expect.stringMatching(/^no home directory .*changes will not be saved$/)});
	});

	it('follows the platform on macOS and Windows', () => {
		expect(chooseStateDir(undefined, machine({platform: 'darwin', home: '/Users/ana'}))).toEqual({
			ok: true,
			dir: '/Users/ana/Library/Preferences/flashnews',
		});
		expect(chooseStateDir(undefined, machine({platform: 'darwin', home: '', accountHomeIs: undefined})).ok).toBe(false);
		expect(chooseStateDir(undefined, machine({platform: 'win32', env: {APPDATA: 'relative'}, home: '/home/ana'}))).toEqual({
			ok: true,
			dir: path.join('/home/ana', 'AppData', 'Roaming', 'flashnews', 'Config'),
		});
	});
});
