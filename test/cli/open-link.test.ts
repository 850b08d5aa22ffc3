import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {type BrowserCommand, browserCommands, splitWords} from '../../src/cli/links/browser-commands.js';
import {openInBrowser} from '../../src/cli/links/open-link.js';
import {eventually} from '../ui/helpers/press.js';

const URL = 'https://news.example/story?id=1&x=2';

describe('the BROWSER variable', () => {
	it('puts the URL last when the entry has no %s', () => {
		expect(browserCommands(URL, {BROWSER: 'firefox --new-tab'})).toEqual([{file: 'firefox', args: ['--new-tab', URL]}]);
	});

	it('puts the URL where %s is, inside a word too, and reads %% as a percent sign', () => {
		expect(browserCommands(URL, {BROWSER: 'surf -z 100%% --url=%s'})).toEqual([{file: 'surf', args: ['-z', '100%', `--url=${URL}`]}]);
	});

	it('lists the colon-separated entries in order, skipping empty ones', () => {
		expect(browserCommands(URL, {BROWSER: 'firefox::chromium %s'}).map(command => command.file)).toEqual(['firefox', 'chromium']);
	});

	it('splits words on whitespace and quotes, and expands nothing', () => {
		expect(splitWords(`"/opt/My Browser/run"  --profile 'a b' $HOME $(id) x\\ y`)).toEqual([
			'/opt/My Browser/run',
			'--profile',
			'a b',
			'$HOME',
			'$(id)',
			'x y',
		]);
		expect(splitWords(`a "" b`)).toEqual(['a', '', 'b']);
	});

	it('keeps a URL with shell syntax whole, as one argument', () => {
		const evil = 'https://x/$(touch$IFS/tmp/p);rm%20-rf';
		expect(browserCommands(evil, {BROWSER: 'recorder %s'})).toEqual([{file: 'recorder', args: [evil]}]);
	});

	it('falls back to xdg-open, or open on macOS, when BROWSER is unset or blank', () => {
		expect(browserCommands(URL, {}, 'linux')).toEqual([{file: 'xdg-open', args: [URL]}]);
		expect(browserCommands(URL, {BROWSER: '  '}, 'freebsd')).toEqual([{file: 'xdg-open', args: [URL]}]);
		expect(browserCommands(URL, {}, 'darwin')).toEqual([{file: 'open', args: [URL]}]);
		expect(browserCommands(URL, {}, 'win32')).toEqual([]);
	});
});

describe('opening a link', () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
	});

	function recorder(): {dir: string; script: string; calls: string} {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'flashnews-browser-'));
		dirs.push(dir);
		const script = path.join(dir, 'recorder');
		const calls = path.join(dir, 'calls');
		// One line per argument, NUL-free, so the test sees exactly how the URL was split.
		writeFileSync(script, `#!/bin/sh\nfor arg in "$@"; do printf '%s\\n' "$arg"; done > '${calls}'\n`);
		chmodSync(script, 0o755);
		return {dir, script, calls};
	}

	it('tries each command in order until one starts', async () => {
		const tried: BrowserCommand[] = [];
		const launch = async (command: BrowserCommand) => {
			tried.push(command);
			return command.file === 'second';
		};
		expect(await openInBrowser(URL, {env: {BROWSER: 'first:second:third'}, launch})).toBeNull();
		expect(tried.map(command => command.file)).toEqual(['first', 'second']);
	});

	it('says which commands it tried when none starts', async () => {
		const message = await openInBrowser(URL, {env: {BROWSER: '/nonexistent/browser-a:/nonexistent/browser-b'}});
		expect(message).toBe('could not start a browser (tried /nonexistent/browser-a, /nonexistent/browser-b); set BROWSER');
	});

	it('runs the browser without a shell: the URL arrives as one argument and nothing in it runs', async () => {
		const {dir, script, calls} = recorder();
		const marker = path.join(dir, 'pwned');
		const url = `https://x/$(touch$IFS${marker});touch$IFS${marker}`;
		expect(await openInBrowser(url, {env: {BROWSER: `/nonexistent/browser:${script} --new-tab %s`}})).toBeNull();
		await eventually(() => (existsSync(calls) ? readFileSync(calls, 'utf8') : '')).toBe(`--new-tab\n${url}\n`);
		expect(existsSync(marker)).toBe(false);
	});
});
