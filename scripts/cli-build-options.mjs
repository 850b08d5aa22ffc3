// The esbuild settings for the CLI bundle, shared by scripts/build.mjs and bench/profile.mjs. What
// the bundle leaves out: the lazy dependencies, bundled on their own (scripts/lazy-chunks.mjs), and
// the modules scripts/bundle-stubs.mjs swaps for stubs. What it patches, and why:
// scripts/patches/, one module per package. dist/ needs no node_modules: it carries everything,
// with the licences of what it carries (scripts/third-party-licenses.mjs) and the man page.
import {chmodSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {build, formatMessages} from 'esbuild';
import {importedOncePlugin, stubsPlugin} from './bundle-stubs.mjs';
import {LAZY_CHUNKS_DEFINE, lazyChunkBuilds, lazyExternals} from './lazy-chunks.mjs';
import {writeManPage} from './man-page.mjs';
import {allPatches} from './patches/all-patches.mjs';
import {patchPlugin} from './patches/apply-patches.mjs';
import {bundledPackages, thirdPartyNotices} from './third-party-licenses.mjs';

// import.meta.url in the sources (finding feeds/, the worker, lazy dependencies) means this file.
const fileUrlBanner = "var __flashnewsFileUrl=require('node:url').pathToFileURL(__filename).href;";
// Some CommonJS dependencies call require(); an ES module bundle gets one.
const requireBanner = "import {createRequire as __flashnewsRequire} from 'node:module';const require=__flashnewsRequire(import.meta.url);";

const shared = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	// Node 20 has the regexp `v` flag. Left to esbuild's default, string-width's /\p{RGI_Emoji}/v
	// literal becomes new RegExp(…) and is compiled at every start-up instead of on first use.
	supported: {'regexp-set-notation': true},
	jsx: 'automatic',
	minify: true,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
	// Which packages each file carries, for the third-party licences.
	metafile: true,
};

/**
 * The files of dist/, as esbuild option sets:
 * - cli.js, the launcher (src/launcher.ts): compiles app.cjs with a code cache (CommonJS too: the
 *   build puts a package.json saying so in dist/);
 * - app.cjs, the whole reader in one CommonJS file (src/cli.tsx exports runCli), or, when a
 *   dependency keeps a top-level await that no patch took out, appAsModule: the reader as an ES
 *   module, app.mjs, which a small app.cjs imports (see buildCli);
 * - parse-worker.mjs, the worker that parses large feeds off the main thread.
 * `patches` are the text patches to apply (scripts/patches/); each left out is reported to `onSkip`.
 */
export function cliBuilds({outdir, minify = true, patches = allPatches, onSkip = () => {}}) {
	const plugins = commonJs => [stubsPlugin, ...(commonJs ? [importedOncePlugin] : []), patchPlugin(patches, {commonJs, onSkip})];
	const asModule = {
		...shared,
		minify,
		outdir,
		outExtension: {'.js': '.mjs'},
		format: 'esm',
		banner: {js: requireBanner},
		define: {...shared.define, ...LAZY_CHUNKS_DEFINE},
		external: lazyExternals,
	};
	return {
		// CommonJS: an ES module entry costs Node more to start (its ESM loader).
		launcher: {
			...shared,
			minify,
			entryPoints: {cli: 'src/launcher.ts'},
			outdir,
			format: 'cjs',
			define: {...shared.define, 'import.meta.url': '__flashnewsFileUrl'},
			banner: {js: fileUrlBanner},
		},
		app: {
			...shared,
			minify,
			entryPoints: {app: 'src/cli.tsx'},
			outdir,
			outExtension: {'.js': '.cjs'},
			format: 'cjs',
			banner: {js: fileUrlBanner},
			define: {...shared.define, ...LAZY_CHUNKS_DEFINE, 'import.meta.url': '__flashnewsFileUrl'},
			external: lazyExternals,
			plugins: plugins(true),
		},
		appAsModule: {...asModule, entryPoints: {app: 'src/cli.tsx'}, plugins: plugins(false)},
		worker: {...asModule, entryPoints: {'parse-worker': 'src/load/parse-worker.ts'}, plugins: plugins(false)},
		lazyChunks: root => lazyChunkBuilds({shared: {...shared, minify}, outdir, root}),
	};
}

// What app.cjs holds when the reader is bundled as an ES module. The launcher runs app.cjs through
// node:vm, where import() is not available, so it requires a file that Node loads itself.
const appModuleStub = "module.exports = require('./load-app-module.cjs');\n";
const loadAppModule = `'use strict';
// The reader is bundled as an ES module (see scripts/cli-build-options.mjs in flashnews).
const appPath = require('node:path').join(__dirname, 'app.mjs');
exports.runCli = (argv, hooks) => {
	import(require('node:url').pathToFileURL(appPath).href).then(
		app => app.runCli(argv, hooks),
		error => {
			process.stderr.write(\`flashnews: cannot load \${appPath}: \${error instanceof Error ? error.message : String(error)} (reinstall flashnews)\\n\`);
			process.exit(1);
		},
	);
};
`;

/** The files whose top-level await failed a CommonJS build, or undefined if it failed otherwise. */
function topLevelAwaitFiles(error) {
	const errors = error?.errors ?? [];
	if (errors.length === 0 || !errors.every(message => /top-level await/i.test(message.text))) return undefined;
	return [...new Set(errors.map(message => message.location?.file ?? '(unknown file)'))];
}

async function printMessages(messages, kind) {
	if (messages.length > 0) process.stderr.write((await formatMessages(messages, {kind, color: process.stderr.isTTY})).join(''));
}

/**
 * The reader as CommonJS, or, if a top-level await is left in, as an ES module behind a CommonJS
 * stub: without the launcher's code cache for most of the code (slower start), still correct.
 */
async function buildApp(builds, run, warn) {
	let result;
	try {
		// Silent, so that a build that falls back shows no errors; its warnings are printed below.
		result = await run({...builds.app, logLevel: 'silent'});
	} catch (error) {
		const files = topLevelAwaitFiles(error);
		if (!files) {
			await printMessages(error?.errors ?? [], 'error');
			throw error;
		}
		warn(
			`flashnews build: ${files.join(', ')} awaits at the top level, which a CommonJS bundle cannot hold; the reader is bundled as an ES module instead (dist/app.mjs, slower start). Revisit scripts/patches/.`,
		);
		const asModule = await run(builds.appAsModule);
		writeFileSync(path.join(builds.appAsModule.outdir, 'app.cjs'), appModuleStub);
		writeFileSync(path.join(builds.appAsModule.outdir, 'load-app-module.cjs'), loadAppModule);
		return asModule;
	}
	await printMessages(result.warnings, 'warning');
	return result;
}

/** THIRD-PARTY-LICENSES.txt for the packages the builds' `results` carry; a package without a licence file is a warning. */
function writeLicences(target, root, results, warn) {
	const packages = bundledPackages(
		results.map(result => result.metafile),
		root,
	);
	const {name} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const {text, withoutFile} = thirdPartyNotices(packages, name);
	writeFileSync(path.join(target, 'THIRD-PARTY-LICENSES.txt'), text);
	if (withoutFile.length > 0) {
		warn(
			`flashnews build: no licence text for ${withoutFile.join(', ')}; THIRD-PARTY-LICENSES.txt names the licence only (add the text to scripts/licences/)`,
		);
	}
}

/**
 * Builds dist/ (or `outdir`) from scratch: the bundles, the lazy chunks, the package.json that
 * makes its .js files CommonJS, the third-party licences and the man page. Each warning (a patch
 * left out, the ES module fallback) goes to `warn` once and is returned.
 */
export async function buildCli({root, outdir, minify = true, patches = allPatches, warn = message => console.warn(message)}) {
	const target = path.resolve(root, outdir);
	rmSync(target, {recursive: true, force: true});
	const warnings = new Set();
	const note = message => warnings.add(message);
	const builds = cliBuilds({outdir: target, minify, patches, onSkip: note});
	const run = options => build({...options, absWorkingDir: root});
	const results = await Promise.all([
		run(builds.launcher),
		run(builds.worker),
		buildApp(builds, run, note),
		...builds.lazyChunks(root).map(run),
	]);
	// The package is ESM, the bundle CommonJS: dist/ says so for its .js files. The binary keeps the
	// name dist/cli.js, so links to it from earlier installs (and npx's cache) stay valid.
	writeFileSync(path.join(target, 'package.json'), '{"type": "commonjs"}\n');
	chmodSync(path.join(target, 'cli.js'), 0o755);
	writeLicences(target, root, results, warn);
	await writeManPage({root, outfile: path.join(target, 'flashnews.1')});
	for (const message of warnings) warn(message);
	return {warnings: [...warnings]};
}
