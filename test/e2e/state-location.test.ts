import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cliPath, removeDir, tempDir} from './tmux-session.js';

describe('where the state goes', () => {
	it('is never the current directory because $XDG_CONFIG_HOME is relative', () => {
		const cwd = tempDir();
		const home = tempDir();
		try {
			const env = {...process.env, HOME: home, XDG_CONFIG_HOME: 'relative-config', FLASHNEWS_CONFIG_DIR: ''};
			const result = spawnSync(process.execPath, [cliPath, 'bookmarks', '--json'], {cwd, env, encoding: 'utf8'});
			expect(result.status).toBe(0);
			expect(readdirSync(cwd)).toEqual([]);
			expect(existsSync(path.join(home, '.config', 'flashnews'))).toBe(true);
		} finally {
			removeDir(cwd);
			removeDir(home);
		}
	});
});
