import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readCodeCache} from '../../src/cli/code-cache.js';
import {runCli} from './cli-output.js';
import {cliPath, hasTmux, type TmuxSession, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();

async function readAndQuit(cacheDir: string): Promise<TmuxSession> {
	const app = start(['--config-dir', configDir()], {env: {FLASHNEWS_CACHE_DIR: cacheDir}, thenPrint: 'SHELL-AGAIN'});
	await app.waitFor(/\d+ articles · \d+ unread/);
	app.press('j');
	app.press('Enter');
	await app.waitFor(/article 2 of \d+/);
	app.press('Escape');
	await app.waitFor('j/k move');
	app.press('q');
	await app.waitFor('SHELL-AGAIN');
	return app;
}

function cacheFiles(cacheDir: string): string[] {
	const dir = path.join(cacheDir, 'code');
	return fs.existsSync(dir) ? fs.readdirSync(dir).map(name => path.join(dir, name)) : [];
}

describe.skipIf(!hasTmux())('the code cache of the real binary', () => {
	it('is saved when the reader closes, then used as it is by the next launch', async () => {
		const cacheDir = configDir();
		expect(runCli(['--plain', '--config-dir', configDir()], {FLASHNEWS_CACHE_DIR: cacheDir}).status).toBe(0);
		expect(cacheFiles(cacheDir)).toEqual([]);

		await readAndQuit(cacheDir);
		const [file, ...others] = cacheFiles(cacheDir);
		expect(others).toEqual([]);
		expect(readCodeCache(file!)?.length).toBeGreaterThan(100_000);

		// The launcher rewrites the file only when V8 rejects it: unchanged bytes mean it was used.
		const saved = fs.readFileSync(file!);
		await readAndQuit(cacheDir);
		expect(fs.readFileSync(file!).equals(saved)).toBe(true);
	});

	it('starts normally over a damaged cache or one V8 rejects, and replaces it', async () => {
		const cacheDir = configDir();
		await readAndQuit(cacheDir);
		const [file] = cacheFiles(cacheDir);
		const good = fs.readFileSync(file!);

		const damaged = Buffer.from(good);
		damaged.writeUInt8(damaged.readUInt8(damaged.length >> 1) ^ 0xff, damaged.length >> 1);
		fs.writeFileSync(file!, damaged);
		await readAndQuit(cacheDir);
		expect(readCodeCache(file!)).toBeDefined();

		// A digest that matches but contents V8 does not accept (not a code cache at all).
		const {createHash} = await import('node:crypto');
		const junk = Buffer.alloc(good.length - 32, 7);
		fs.writeFileSync(file!, Buffer.concat([createHash('sha256').update(junk).digest(), junk]));
		await readAndQuit(cacheDir);
		expect(readCodeCache(file!)?.equals(junk)).toBe(false);
		expect(readCodeCache(file!)?.length).toBeGreaterThan(100_000);
	});

	it('runs and quits cleanly when the cache directory cannot be written', async () => {
		const blocker = path.join(configDir(), 'a-file');
		fs.writeFileSync(blocker, 'not a directory');
		const app = await readAndQuit(blocker);
		const screen = app.screen();
		expect(screen).not.toMatch(/error|flashnews:/i);
	});
});

describe('the launcher', () => {
	it("says in one line, without a stack trace, when the reader's bundle cannot be loaded", () => {
		const dist = path.join(configDir(), 'dist');
		fs.cpSync(path.dirname(cliPath), dist, {recursive: true});
		fs.writeFileSync(path.join(dist, 'app.cjs'), 'this is not JavaScript (');
		const result = spawnSync(process.execPath, [path.join(dist, 'cli.js'), '--version'], {
			encoding: 'utf8',
			env: {...process.env, FLASHNEWS_CACHE_DIR: configDir()},
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/^flashnews: cannot load .*app\.cjs: .* \(reinstall flashnews\)\n$/);
		fs.rmSync(path.join(dist, 'app.cjs'));
		const missing = spawnSync(process.execPath, [path.join(dist, 'cli.js'), '--version'], {encoding: 'utf8'});
		expect(missing.status).toBe(1);
		expect(missing.stderr.trim().split('\n')).toHaveLength(1);
	});
});
