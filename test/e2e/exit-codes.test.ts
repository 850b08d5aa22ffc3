import {spawnSync} from 'node:child_process';
import {copyFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {EXIT_CODES} from '../../src/cli/args/command-table.js';
import {runCli} from './cli-output.js';
import {cliPath, removeDir, tempDir} from './tmux-session.js';

const dir = tempDir('flashnews-exit-');
afterAll(() => removeDir(dir));

/** Runs the binary in `dir`, so a bare word can name a file there. */
function runHere(args: string[]) {
	const result = spawnSync(process.execPath, [cliPath, '--config-dir', path.join(dir, 'config'), ...args], {cwd: dir, encoding: 'utf8'});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

/** For each documented exit status, a command line that ends with it. */
const EXAMPLES: Record<number, string[][]> = {
	0: [['--version'], ['--plain'], ['completion', 'bash']],
	1: [
		['--plain', 'missing-feed.xml'],
		['import', 'missing.opml'],
		['remove', 'https://example.org/never-added.rss'],
	],
	2: [
		['--frobnicate'],
		['ad', 'https://example.org/feed.xml'],
		['add'],
		['export', 'extra'],
		['--json', '--plain'],
		['--timeout', 'soon'],
		['completion', 'ksh'],
	],
};

describe('exit status', () => {
	it('is documented for every status an example ends with, and every documented one has an example', () => {
		expect(EXIT_CODES.map(([code]) => code)).toEqual(Object.keys(EXAMPLES).map(Number));
	});

	it.each(Object.entries(EXAMPLES).flatMap(([code, lines]) => lines.map(line => [Number(code), line.join(' ')] as const)))(
		'is %i for flashnews %s',
		(code, line) => {
			const {stderr, status} = runHere(line.split(' '));
			expect(status).toBe(code);
			if (code === 0) expect(stderr).toBe('');
			else expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		},
	);

	it('is listed in --help with its meaning', () => {
		const help = runCli(['--help']).stdout;
		for (const [code, meaning] of EXIT_CODES) expect(help).toMatch(new RegExp(`^  ${code} +${meaning}$`, 'm'));
	});
});

describe('usage errors', () => {
	it('name a mistyped command and the one that was meant, on one line', () => {
		expect(runHere(['ad', 'https://example.org/feed.xml']).stderr).toBe('flashnews: unknown command ad (did you mean add?)\n');
	});

	it('name a mistyped option and the one that was meant', () => {
		expect(runHere(['--jsno']).stderr).toBe('flashnews: unknown option --jsno (did you mean --json?)\n');
	});

	it('point to --help when there is nothing closer', () => {
		expect(runHere(['--frobnicate']).stderr).toBe('flashnews: unknown option --frobnicate (see flashnews --help)\n');
	});

	it('leave a file named like a command to be read as a feed', () => {
		const feed = readdirSync(path.resolve('feeds')).find(name => name.endsWith('.rss'))!;
		copyFileSync(path.resolve('feeds', feed), path.join(dir, 'ad'));
		const {stdout, stderr, status} = runHere(['--plain', 'ad']);
		expect({stderr, status}).toEqual({stderr: '', status: 0});
		expect(stdout.trim().split('\n').length).toBeGreaterThanOrEqual(3);
	});
});
