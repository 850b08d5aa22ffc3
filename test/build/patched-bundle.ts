// Bundles dependencies with and without the CLI bundle's text patches (scripts/patches/), so that
// tests can compare what the two do. Both get the bundle's module stubs (scripts/bundle-stubs.mjs):
// the comparison is of the patches alone.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
// @ts-expect-error: a plain .mjs build script without types
import {stubsPlugin} from '../../scripts/bundle-stubs.mjs';
// @ts-expect-error: a plain .mjs build script without types
import {allPatches} from '../../scripts/patches/all-patches.mjs';
// @ts-expect-error: a plain .mjs build script without types
import {patchPlugin} from '../../scripts/patches/apply-patches.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

type PatchPluginOptions = {commonJs: boolean; onSkip(warning: string): void; onApply?(packageName: string, patchName: string): void};
export type PackagePatches = {package: string; verified: string; patches: {name: string; file: string; commonJs?: boolean}[]};

export const everyPatch = allPatches as PackagePatches[];
export const makePatchPlugin = patchPlugin as (packages: unknown[], options: PatchPluginOptions) => Plugin;

export type Bundled<T> = {
	exports: T;
	/** "package: patch name" for each patch applied. */
	applied: string[];
	/** The build's warning for each patch left out. */
	skipped: string[];
};

export function makeTempDir(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Bundles `entry` (module code, resolved from the repository) into `outDir`, with the module stubs
 * and, if `patched`, the patches. `commonJs` bundles as the reader's app.cjs is bundled, with the
 * patches only CommonJS needs.
 */
export async function bundle<T>(
	outDir: string,
	name: string,
	entry: string,
	{patched, commonJs = false}: {patched: boolean; commonJs?: boolean},
): Promise<Bundled<T>> {
	const applied: string[] = [];
	const skipped: string[] = [];
	const outfile = path.join(outDir, `${name}.${commonJs ? 'cjs' : 'mjs'}`);
	const plugins = [stubsPlugin as Plugin];
	if (patched)
		plugins.push(
			makePatchPlugin(everyPatch, {
				commonJs,
				onSkip: warning => skipped.push(warning),
				onApply: (pkg, patch) => applied.push(`${pkg}: ${patch}`),
			}),
		);
	await build({
		stdin: {contents: entry, resolveDir: repoRoot, loader: 'js'},
		bundle: true,
		format: commonJs ? 'cjs' : 'esm',
		platform: 'node',
		define: {'process.env.NODE_ENV': '"production"'},
		outfile,
		plugins,
		logLevel: 'silent',
	});
	const exports = (commonJs ? createRequire(import.meta.url)(outfile) : await import(pathToFileURL(outfile).href)) as T;
	return {exports, applied, skipped};
}

/** The names of the patches that `packageName` gets, as `applied` lists them. */
export function patchNames(packageName: string, {commonJs = false} = {}): string[] {
	const packagePatches = everyPatch.find(candidate => candidate.package === packageName);
	if (!packagePatches) throw new Error(`no patches for ${packageName}`);
	return packagePatches.patches.filter(patch => commonJs || !patch.commonJs).map(patch => `${packageName}: ${patch.name}`);
}
