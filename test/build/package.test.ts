// What the published package holds and needs: dist/ runs with no node_modules anywhere above it,
// the package declares no runtime dependency, and it carries the licences of what it bundles.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {repoRoot} from './patched-bundle.js';

type Manifest = Record<string, unknown> & {devDependencies: Record<string, string>; files: string[]; man: string[]; version: string};

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const dist = path.join(repoRoot, 'dist');
const BARE_IMPORT = /(?:from\s+|import\s*\(\s*|lazyRequire<[^>]*>\()'([^.'][^']*)'/g;

/** The packages src/ loads at run time (type-only imports left out), by package name. */
function importedPackages(): Set<string> {
	const names = new Set<string>();
	for (const file of fs.readdirSync(path.join(repoRoot, 'src'), {recursive: true, encoding: 'utf8'})) {
		if (!/\.tsx?$/.test(file)) continue;
		for (const line of fs.readFileSync(path.join(repoRoot, 'src', file), 'utf8').split('\n')) {
			if (/^import type /.test(line)) continue;
			for (const [, specifier] of line.matchAll(BARE_IMPORT)) {
				if (specifier!.startsWith('node:')) continue;
				const parts = specifier!.split('/');
				names.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
			}
		}
	}
	return names;
}

describe('package.json', () => {
	it('declares no runtime dependency: the bundle carries them all', () => {
		for (const field of ['dependencies', 'bundleDependencies', 'bundledDependencies', 'optionalDependencies', 'peerDependencies'])
			expect(manifest[field]).toBeUndefined();
		const missing = [...importedPackages()].filter(name => !(name in manifest.devDependencies));
		expect(missing).toEqual([]);
	});

	it('names the man page the build makes', () => {
		// A list: npm links a plain string into no man folder on a global install.
		expect(manifest.man).toEqual(['./dist/flashnews.1']);
		expect(fs.readFileSync(path.join(repoRoot, manifest.man[0]!), 'utf8')).toContain(`"flashnews ${manifest.version}"`);
	});

	it('packs only what runs, its notices and its docs', () => {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: repoRoot, encoding: 'utf8'}),
		) as [{files: {path: string}[]}];
		const files = packed.files.map(file => file.path);
		const allowed =
			/^(dist\/(cli\.js|app\.cjs|parse-worker\.mjs|package\.json|flashnews\.1|THIRD-PARTY-LICENSES\.txt|lazy\/[\w-]+\.cjs)|feeds\/[\w.-]+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
		expect(files.filter(file => !allowed.test(file))).toEqual([]);
		for (const file of [
			'dist/cli.js',
			'dist/app.cjs',
			'dist/parse-worker.mjs',
			'dist/THIRD-PARTY-LICENSES.txt',
			'dist/flashnews.1',
			'CHANGELOG.md',
			'LICENSE',
		])
			expect(files).toContain(file);
	});
});

describe('THIRD-PARTY-LICENSES.txt', () => {
	const notices = fs.readFileSync(path.join(dist, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
	const sections = notices.split(/^={78}\n/m).slice(1);

	it('has the licence text of every package imported by the sources', () => {
		const headings = new Set(sections.filter((_, index) => index % 2 === 0).map(heading => heading.split(' ')[0]));
		expect([...importedPackages()].filter(name => !headings.has(name))).toEqual([]);
	});

	it('gives each bundled package its own licence text, not just a name', () => {
		const bodies = sections.filter((_, index) => index % 2 === 1);
		expect(bodies.length).toBeGreaterThan(20);
		for (const body of bodies) expect(body).toMatch(/permission|licen[cs]e|copyright/i);
		expect(notices).not.toContain('publishes no licence file; its package.json');
	});
});

describe('dist/ on its own', () => {
	let copy: string;
	beforeAll(() => {
		copy = fs.mkdtempSync(path.join(os.tmpdir(), 'flashnews-dist-only-'));
		for (const folder of ['dist', 'feeds']) fs.cpSync(path.join(repoRoot, folder), path.join(copy, folder), {recursive: true});
		fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(copy, 'package.json'));
	});
	afterAll(() => fs.rmSync(copy, {recursive: true, force: true}));

	const run = (args: string[]) =>
		spawnSync(process.execPath, [path.join(copy, 'dist', 'cli.js'), '--config-dir', path.join(copy, 'config'), ...args], {
			cwd: copy,
			encoding: 'utf8',
			env: {...process.env, NODE_PATH: '', FLASHNEWS_CACHE_DIR: path.join(copy, 'cache')},
		});

	it('sits where no node_modules folder can help it', () => {
		for (let dir = copy; dir !== path.dirname(dir); dir = path.dirname(dir))
			expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
	});

	it('loads each lazily loaded dependency from its own file', () => {
		const check = `
			const lazy = name => require(require('node:path').join(${JSON.stringify(path.join(copy, 'dist', 'lazy'))}, name + '.cjs'));
			const text = lazy('html-to-text').convert('<p>Hello <b>world</b></p>');
			const decoded = lazy('iconv-lite').decode(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'latin1');
			let title = '';
			const parser = new (lazy('htmlparser2').Parser)({ontext: chunk => (title += chunk)});
			parser.end('<title>Feeds</title>');
			console.log(JSON.stringify([text, decoded, title]));`;
		const result = spawnSync(process.execPath, ['-e', check], {cwd: copy, encoding: 'utf8', env: {...process.env, NODE_PATH: ''}});
		expect(result.stderr).toBe('');
		expect(JSON.parse(result.stdout)).toEqual(['Hello world', 'café', 'Feeds']);
	});

	it('reads HTML bodies and a legacy charset', () => {
		const legacy = run(['--json', path.join(repoRoot, 'test', 'fixtures', 'xml', 'rss091.xml')]);
		expect(legacy.stderr).toBe('');
		expect(legacy.status).toBe(0);
		const bundled = run(['--json']);
		expect(bundled.status).toBe(0);
		const articles = JSON.parse(bundled.stdout) as {content: string}[];
		expect(articles.length).toBeGreaterThan(10);
		expect(articles.some(article => article.content.length > 100)).toBe(true);
		expect(articles.every(article => !/<\/?p>/.test(article.content))).toBe(true);
	});
});
