import {spawnSync} from 'node:child_process';
import {readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {type ArticleJson, runCli} from './cli-output.js';
import {cliPath, removeDir, tempDir} from './tmux-session.js';

const feedsDir = path.resolve('feeds');
const bundledFiles = readdirSync(feedsDir).map(name => path.join(feedsDir, name));
const contractKeys = ['id', 'title', 'author', 'feed', 'published', 'link', 'summary', 'content', 'categories', 'read', 'bookmarked'];
const dirs: string[] = [];

function configDir(): string {
	const dir = tempDir('flashnews-cli-');
	dirs.push(dir);
	return dir;
}

afterEach(() => {
	for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('flashnews --json', () => {
	it.each(bundledFiles)('prints every article of %s with the scripting contract keys', file => {
		const {stdout, stderr, status} = runCli(['--json', '--config-dir', configDir(), file]);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const articles = JSON.parse(stdout) as ArticleJson[];
		expect(articles.length).toBeGreaterThanOrEqual(3);
		for (const article of articles) {
			expect(Object.keys(article).slice(0, contractKeys.length)).toEqual(contractKeys);
			expect(article.title.length).toBeGreaterThan(0);
			expect(article.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
			expect(article.link).toMatch(/^https?:\/\//);
			expect(article.content).not.toMatch(/<\/?(p|a|ul|li|h\d)\b/);
			expect(article).toMatchObject({read: false, bookmarked: false});
		}
	});

	it('sorts all bundled feeds together, newest first', () => {
		const articles = JSON.parse(runCli(['--json', '--config-dir', configDir()]).stdout) as ArticleJson[];
		const times = articles.map(article => Date.parse(article.published!));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(new Set(articles.map(article => article.feed)).size).toBe(bundledFiles.length);
	});
});

describe('flashnews --plain', () => {
	it('prints one plain line per article, with no escape codes into a pipe', () => {
		const json = JSON.parse(runCli(['--json', '--config-dir', configDir()]).stdout) as ArticleJson[];
		const {stdout, status} = runCli(['--plain', '--config-dir', configDir()], {FORCE_COLOR: undefined, NO_COLOR: undefined});
		expect(status).toBe(0);
		const lines = stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(json.length);
		expect(stdout).not.toContain('\u001B');
		expect(lines[0]).toBe(`${json[0]!.title} — ${[json[0]!.author, json[0]!.feed].filter(Boolean).join(' · ')} · ${lines[0]!.slice(-16)}`);
		expect(lines[0]!.slice(-16)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
	});

	it('drops colours under NO_COLOR even where colour is forced, keeping bold', () => {
		const colour = /\u001B\[(?:3[0-7]|9[0-7]|38;)/;
		expect(runCli(['--plain', '--config-dir', configDir()], {FORCE_COLOR: '1'}).stdout).toMatch(colour);
		const {stdout} = runCli(['--plain', '--config-dir', configDir()], {FORCE_COLOR: '1', NO_COLOR: '1'});
		expect(stdout).not.toMatch(colour);
		expect(stdout).toContain('\u001B[1m');
	});

	it('is what you get when standard output is a pipe', () => {
		const dir = configDir();
		expect(runCli(['--config-dir', dir]).stdout).toBe(runCli(['--plain', '--config-dir', dir]).stdout);
	});

	it('reads a feed from standard input given as -', () => {
		const rss = '<rss version="2.0"><channel><title>Piped</title><item><title>From a pipe</title><guid>p1</guid></item></channel></rss>';
		const piped = spawnSync(process.execPath, [cliPath, '--json', '--config-dir', configDir(), '-'], {input: rss, encoding: 'utf8'});
		expect(piped.status).toBe(0);
		expect((JSON.parse(piped.stdout) as ArticleJson[]).map(article => [article.title, article.feed])).toEqual([['From a pipe', 'Piped']]);
		const broken = spawnSync(process.execPath, [cliPath, '--plain', '--config-dir', configDir(), '-'], {
			input: '<rss><channel><item>',
			encoding: 'utf8',
		});
		expect(broken.status).toBe(1);
		expect(broken.stderr).toMatch(/^flashnews: stdin: /);
	});

	it('stops quietly when the reader of the pipe goes away', () => {
		const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cliPath}" --plain --config-dir "${configDir()}" | head -n 1`], {
			encoding: 'utf8',
		});
		expect(result.stdout.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toBe('');
	});
});

describe('sources that cannot be read', () => {
	it('names the failed source on one line, still prints the others and exits 1', () => {
		const dir = configDir();
		const broken = path.join(dir, 'broken.xml');
		writeFileSync(broken, '<rss><channel><item><title>cut off');
		const {stdout, stderr, status} = runCli(['--plain', '--config-dir', dir, broken, path.join(dir, 'missing.json'), bundledFiles[0]!]);
		expect(status).toBe(1);
		const errors = stderr.trimEnd().split('\n');
		expect(errors).toHaveLength(2);
		expect(errors[0]).toMatch(/^flashnews: .*broken\.xml: /);
		expect(errors[1]).toMatch(/^flashnews: .*missing\.json: .*no such file/);
		expect(stderr).not.toMatch(/\n\s+at /);
		expect(stdout.trim().split('\n').length).toBeGreaterThanOrEqual(3);
	});
});

describe('command-line conventions', () => {
	it('prints help and exits 0', () => {
		const {stdout, status} = runCli(['--help']);
		expect(status).toBe(0);
		for (const flag of ['--json', '--plain', '--config-dir', '--version', 'bookmarks']) expect(stdout).toContain(flag);
	});

	it('prints the package version and exits 0', () => {
		const {stdout, status} = runCli(['--version']);
		expect(status).toBe(0);
		expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('rejects an unknown option with one line and exit status 2', () => {
		const {stderr, status} = runCli(['--frobnicate']);
		expect(status).toBe(2);
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).toContain('--frobnicate');
	});

	it('moves a damaged state file aside and says so once, on stderr', () => {
		const dir = configDir();
		writeFileSync(path.join(dir, 'config.json'), '{"schemaVersion": 1, "read": {');
		const {stdout, stderr, status} = runCli(['--plain', '--config-dir', dir]);
		expect(status).toBe(0);
		expect(stdout.length).toBeGreaterThan(0);
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(/config\.json was damaged/);
		expect(readdirSync(dir)).toContainEqual(expect.stringMatching(/^config\.json\.corrupt-/));
	});

	it('lists no bookmarks on a fresh store', () => {
		const dir = configDir();
		expect(runCli(['bookmarks', '--config-dir', dir])).toMatchObject({stdout: '', status: 0});
		expect(JSON.parse(runCli(['bookmarks', '--json', '--config-dir', dir]).stdout)).toEqual([]);
	});
});
