// What the build does when a patched dependency has changed (as after an update): it warns, leaves
// that patch out, and still makes a bundle that works; FLASHNEWS_STRICT_PATCHES=1 makes it fail.
// Each test builds a copy of the project whose node_modules holds one changed package.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pty from 'node-pty';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {makeTempDir, repoRoot} from './patched-bundle.js';

type PackageChange = {name: string; version: string; file: string; from: string; to: string};

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

/** A copy of the project (sources, build scripts) whose dependencies are links to ours, but `change`d. */
function projectWith(change: PackageChange): string {
	const dir = makeTempDir('flashnews-changed-package-');
	dirs.push(dir);
	for (const folder of ['src', 'scripts']) fs.cpSync(path.join(repoRoot, folder), path.join(dir, folder), {recursive: true});
	for (const file of ['package.json', 'tsconfig.json']) fs.copyFileSync(path.join(repoRoot, file), path.join(dir, file));
	fs.symlinkSync(path.join(repoRoot, 'feeds'), path.join(dir, 'feeds'), 'junction');
	const modules = path.join(dir, 'node_modules');
	const [scope, name] = change.name.includes('/') ? change.name.split('/') : [undefined, change.name];
	const linkAll = (from: string, to: string, except: string) => {
		fs.mkdirSync(to, {recursive: true});
		for (const entry of fs.readdirSync(from)) {
			if (entry !== except && !entry.startsWith('.')) fs.symlinkSync(path.join(from, entry), path.join(to, entry), 'junction');
		}
	};
	linkAll(path.join(repoRoot, 'node_modules'), modules, scope ?? name!);
	if (scope) linkAll(path.join(repoRoot, 'node_modules', scope), path.join(modules, scope), name!);

	const copy = path.join(modules, change.name);
	fs.cpSync(path.join(repoRoot, 'node_modules', change.name), copy, {recursive: true});
	const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'package.json'), 'utf8')) as {version: string};
	fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify({...manifest, version: change.version}));
	const file = path.join(copy, change.file);
	const source = fs.readFileSync(file, 'utf8');
	if (!source.includes(change.from)) throw new Error(`${change.file} has no ${change.from}`);
	fs.writeFileSync(
		file,
		source.replace(change.from, () => change.to),
	);
	return dir;
}

function buildProject(dir: string, env: Record<string, string> = {}) {
	const environment: Record<string, string | undefined> = {...process.env, ...env};
	if (!('FLASHNEWS_STRICT_PATCHES' in env)) delete environment.FLASHNEWS_STRICT_PATCHES;
	return spawnSync(process.execPath, [path.join(dir, 'scripts', 'build.mjs')], {encoding: 'utf8', env: environment});
}

const configDir = makeTempDir('flashnews-changed-package-config-');
dirs.push(configDir);
const cliEnv: Record<string, string | undefined> = {...process.env, FLASHNEWS_CONFIG_DIR: configDir};

/** The environment of an interactive terminal: without CI variables, Ink draws as it would for a user. */
function terminalEnv(): Record<string, string> {
	const env: Record<string, string> = {TERM: 'xterm-256color'};
	for (const [name, value] of Object.entries(cliEnv)) {
		if (value !== undefined && name !== 'CI' && name !== 'CONTINUOUS_INTEGRATION' && !name.startsWith('CI_')) env[name] ??= value;
	}
	return env;
}

function plainOutput(cli: string): string {
	const {stdout, stderr, status} = spawnSync(process.execPath, [cli, '--plain'], {encoding: 'utf8', env: cliEnv});
	expect(stderr).toBe('');
	expect(status).toBe(0);
	return stdout;
}

/** Starts the reader in a terminal, waits for `text`, quits with q, and returns its exit code. */
function readerShows(cli: string, text: string): Promise<number> {
	const reader = pty.spawn(process.execPath, [cli], {cols: 100, rows: 30, env: terminalEnv()});
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			reader.kill();
			reject(new Error(`the reader never showed ${text}; it drew: ${JSON.stringify(output.slice(-400))}`));
		}, 15_000);
		reader.onData(data => {
			output += data;
			if (output.includes(text)) reader.write('q');
		});
		reader.onExit(({exitCode}) => {
			clearTimeout(timer);
			if (output.includes(text)) resolve(exitCode);
			else reject(new Error(`the reader exited (${exitCode}) before showing ${text}: ${JSON.stringify(output.slice(-400))}`));
		});
	});
}

let expectedOutput = '';
let firstHeadline = '';
beforeAll(() => {
	expectedOutput = plainOutput(path.join(repoRoot, 'dist', 'cli.js'));
	firstHeadline = expectedOutput.split('\n')[0]!.slice(0, 24);
});

// As string-width's next major release: the emoji regexp is no longer the literal patched.
const stringWidthChanged: PackageChange = {
	name: 'string-width',
	version: '9.0.0',
	file: 'index.js',
	from: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
	to: "const rgiEmojiRegex = new RegExp('^\\\\p{RGI_Emoji}$', 'v');",
};

// An Ink whose reconciler still awaits at the top level, but not in the words patched.
const inkChanged: PackageChange = {
	name: 'ink',
	version: '7.0.0',
	file: 'build/reconciler.js',
	from: '? await loadPackageJson()',
	to: '? (await loadPackageJson())',
};

describe('when a patched package has changed', () => {
	it('the build warns which patches it left out, and the bundle prints the same articles', {timeout: 60_000}, () => {
		const dir = projectWith(stringWidthChanged);
		const {status, stderr} = buildProject(dir);
		expect(status).toBe(0);
		expect(stderr).toContain(
			'left out the string-width patch "grapheme segmenter made on first use" (string-width is 9.0.0, the patch was verified against 8.3.0)',
		);
		expect(stderr).toContain('left out the string-width patch "emoji regexp compiled on first use"');
		expect(stderr.trim().split('\n')).toHaveLength(2);
		expect(fs.existsSync(path.join(dir, 'dist', 'app.mjs'))).toBe(false);
		expect(plainOutput(path.join(dir, 'dist', 'cli.js'))).toBe(expectedOutput);
	});

	it('with FLASHNEWS_STRICT_PATCHES=1, as in CI, the build fails after the same warnings', {timeout: 60_000}, () => {
		const {status, stderr} = buildProject(projectWith(stringWidthChanged), {FLASHNEWS_STRICT_PATCHES: '1'});
		expect(status).toBe(1);
		expect(stderr).toContain('left out the string-width patch "emoji regexp compiled on first use"');
		expect(stderr).toContain('FLASHNEWS_STRICT_PATCHES=1');
	});

	it('a top-level await left in Ink makes the reader an ES module bundle, which prints and draws the same', {timeout: 60_000}, async () => {
		const dir = projectWith(inkChanged);
		const {status, stderr} = buildProject(dir);
		expect(status).toBe(0);
		expect(stderr).toContain(
			'left out the ink patch "reconciler without top-level await" (ink is 7.0.0, the patch was verified against 6.8.0)',
		);
		expect(stderr).toMatch(
			/node_modules[\\/]ink[\\/]build[\\/]reconciler\.js awaits at the top level, .* the reader is bundled as an ES module instead/,
		);
		expect(fs.existsSync(path.join(dir, 'dist', 'app.mjs'))).toBe(true);
		const cli = path.join(dir, 'dist', 'cli.js');
		expect(plainOutput(cli)).toBe(expectedOutput);
		expect(await readerShows(cli, firstHeadline)).toBe(0);
	});
});

describe('with FLASHNEWS_STRICT_PATCHES=1 and packages as verified', () => {
	it('the build succeeds without a warning', {timeout: 60_000}, () => {
		const dir = makeTempDir('flashnews-verified-build-');
		dirs.push(dir);
		for (const folder of ['src', 'scripts']) fs.cpSync(path.join(repoRoot, folder), path.join(dir, folder), {recursive: true});
		for (const file of ['package.json', 'tsconfig.json']) fs.copyFileSync(path.join(repoRoot, file), path.join(dir, file));
		fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
		const {status, stderr} = buildProject(dir, {FLASHNEWS_STRICT_PATCHES: '1'});
		expect(stderr).toBe('');
		expect(status).toBe(0);
	});
});
