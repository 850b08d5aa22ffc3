// How the build applies a patch (scripts/patches/apply-patches.mjs): only to the version it was
// verified against and only where its text is still there; otherwise it leaves the file as
// published and says so.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {build} from 'esbuild';
import {afterEach, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import {importedByDependency} from '../../scripts/bundle-stubs.mjs';
// @ts-expect-error: a plain .mjs build script without types
import {packagePathPattern} from '../../scripts/patches/apply-patches.mjs';
import {makePatchPlugin, makeTempDir, type PackagePatches} from './patched-bundle.js';

const pathPattern = packagePathPattern as (name: string, file?: string) => RegExp;
const isDependency = importedByDependency as (importer: string) => boolean;

describe('the paths the build patches and stubs', () => {
	it('are recognised with / and with \\ as the separator', () => {
		const reconciler = pathPattern('ink', 'build/reconciler.js');
		expect(reconciler.test('/home/me/flashnews/node_modules/ink/build/reconciler.js')).toBe(true);
		expect(reconciler.test('C:\\Users\\me\\flashnews\\node_modules\\ink\\build\\reconciler.js')).toBe(true);
		expect(reconciler.test('C:\\Users\\me/flashnews\\node_modules/ink\\build/reconciler.js')).toBe(true);
		const tokenize = pathPattern('@alcalzone/ansi-tokenize', 'build/tokenize.js');
		expect(tokenize.test('/p/node_modules/.pnpm/x/node_modules/@alcalzone/ansi-tokenize/build/tokenize.js')).toBe(true);
		expect(tokenize.test('D:\\p\\node_modules\\@alcalzone\\ansi-tokenize\\build\\tokenize.js')).toBe(true);
		expect(pathPattern('conf').test('D:\\p\\node_modules\\conf\\dist\\source\\index.js')).toBe(true);
		expect(isDependency('D:\\p\\node_modules\\ink\\build\\output.js')).toBe(true);
		expect(isDependency('/p/node_modules/ink/build/output.js')).toBe(true);
	});

	it("are not confused with other packages, other files or the project's own", () => {
		const reconciler = pathPattern('ink', 'build/reconciler.js');
		expect(reconciler.test('/p/node_modules/ink-select-input/build/reconciler.js')).toBe(false);
		expect(reconciler.test('/p/node_modules/ink/build/reconciler.js.map')).toBe(false);
		expect(reconciler.test('/p/src/ink/build/reconciler.js')).toBe(false);
		expect(pathPattern('conf').test('/p/node_modules/configstore/index.js')).toBe(false);
		expect(isDependency('D:\\p\\src\\shims\\ink-string-width.ts')).toBe(false);
	});
});

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

/** A project with one dependency, demo-lib, whose lib/index.js exports `how` and `where`. */
function projectWithDemoLib(version: string): string {
	const dir = makeTempDir('flashnews-apply-patches-');
	dirs.push(dir);
	const lib = path.join(dir, 'node_modules', 'demo-lib');
	fs.mkdirSync(path.join(lib, 'lib'), {recursive: true});
	fs.writeFileSync(path.join(lib, 'package.json'), JSON.stringify({name: 'demo-lib', version, main: 'lib/index.js'}));
	fs.writeFileSync(path.join(lib, 'lib', 'index.js'), "exports.how = 'slowly';\nexports.where = 'here';\n");
	return dir;
}

const demoPatches: PackagePatches & {patches: {changes: [string, string][]}[]} = {
	package: 'demo-lib',
	verified: '1.0.0',
	patches: [
		{name: 'faster', file: 'lib/index.js', changes: [["'slowly'", "'quickly'"]]},
		{name: 'elsewhere', file: 'lib/index.js', changes: [["'there'", "'everywhere'"]]},
		{name: 'for CommonJS', file: 'lib/index.js', changes: [["'here'", "'in CommonJS'"]], commonJs: true},
	],
};

async function bundleDemo(
	dir: string,
	commonJs: boolean,
): Promise<{exports: {how: string; where: string}; skipped: string[]; applied: string[]}> {
	const skipped: string[] = [];
	const applied: string[] = [];
	const outfile = path.join(dir, 'out.cjs');
	await build({
		stdin: {contents: "module.exports = require('demo-lib');", resolveDir: dir, loader: 'js'},
		bundle: true,
		format: 'cjs',
		platform: 'node',
		outfile,
		logLevel: 'silent',
		plugins: [
			makePatchPlugin([demoPatches], {commonJs, onSkip: warning => skipped.push(warning), onApply: (_, name) => applied.push(name)}),
		],
	});
	return {exports: createRequire(import.meta.url)(outfile) as {how: string; where: string}, skipped, applied};
}

describe('a patch', () => {
	it('applies to the version it was verified against, and one whose text is gone is left out with a warning', async () => {
		const {exports, skipped, applied} = await bundleDemo(projectWithDemoLib('1.0.0'), true);
		expect(applied).toEqual(['faster', 'for CommonJS']);
		expect(exports).toEqual({how: 'quickly', where: 'in CommonJS'});
		expect(skipped).toEqual([
			'flashnews build: left out the demo-lib patch "elsewhere" (lib/index.js no longer contains "\'there\'"); the bundle works without it but starts slower. Revisit scripts/patches/demo-lib.mjs.',
		]);
	});

	it('needed only for CommonJS is not applied to an ES module bundle, and is not reported missing', async () => {
		const {exports, applied, skipped} = await bundleDemo(projectWithDemoLib('1.0.0'), false);
		expect(applied).toEqual(['faster']);
		expect(exports.where).toBe('here');
		expect(skipped).toEqual([expect.stringContaining('patch "elsewhere"')]);
	});

	it('is left out, each one with a warning naming both versions, when the package has another version', async () => {
		const {exports, applied, skipped} = await bundleDemo(projectWithDemoLib('1.0.1'), true);
		expect(applied).toEqual([]);
		expect(exports).toEqual({how: 'slowly', where: 'here'});
		expect(skipped).toHaveLength(3);
		for (const warning of skipped) expect(warning).toContain('(demo-lib is 1.0.1, the patch was verified against 1.0.0)');
	});
});
