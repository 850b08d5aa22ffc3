// The esbuild settings for the CLI bundle, shared by scripts/build.mjs and bench/profile.mjs.
import {chmodSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const inkStringWidth = fileURLToPath(new URL('../src/shims/ink-string-width.ts', import.meta.url));
const graphemesModule = fileURLToPath(new URL('../src/present/graphemes.ts', import.meta.url));

/** Loaded with lazyRequire (src/shims/lazy-require.ts) only when a run needs them. */
const lazyDependencies = ['html-to-text', 'iconv-lite'];

// conf imports ajv (JSON schema validation) and semver (its migrations) at load time; flashnews
// passes no schema and runs its own migrations, so the bundle carries stubs that fail loudly if
// that ever changes. This saves about 30 ms of start-up.
const confUnused = {
	'ajv/dist/2020.js': "export class Ajv2020 { constructor() { throw new Error('flashnews bundles no JSON schema validator'); } }",
	'ajv-formats': "export default {default() { throw new Error('flashnews bundles no JSON schema validator'); }};",
	semver: "const unused = () => { throw new Error('flashnews does not use conf migrations'); }; export default new Proxy({}, {get: () => unused});",
};

// The reader's bundle is CommonJS so the launcher can compile it with a V8 code cache (see
// src/launcher.ts). Two dependencies use top-level await, which CommonJS cannot hold:
// - yoga-layout awaits its wasm: here it exports a live binding instead, filled in when the wasm is
//   ready, and leaves the promise where src/shims/layout-engine-ready.ts finds it;
// - Ink's reconciler awaits devtools and its package.json only when DEV=true: here it does neither.
const yogaEntry = `import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
let Yoga;
globalThis[Symbol.for('flashnews.layout-engine-ready')] = loadYoga().then(loaded => { Yoga = wrapAssembly(loaded); });
export {Yoga as default};
export * from './generated/YGEnums.js';`;

function replaceExactly(source, file, replacements) {
	let result = source;
	for (const [from, to] of replacements) {
		if (!result.includes(from)) throw new Error(`${file} changed: revisit scripts/cli-build-options.mjs`);
		result = result.replace(from, () => to);
	}
	return result;
}

const commonJsPlugin = {
	name: 'flashnews-commonjs',
	setup(build) {
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, args => {
			replaceExactly(readFileSync(args.path, 'utf8'), args.path, [['const Yoga = wrapAssembly(await loadYoga());', '']]);
			return {contents: yogaEntry, loader: 'js'};
		});
		build.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, args => ({
			contents: replaceExactly(readFileSync(args.path, 'utf8'), args.path, [
				["await import('./devtools.js');", "throw Object.assign(new Error('flashnews is built without React devtools'), {code: 'ERR_MODULE_NOT_FOUND'});"],
				['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
			]),
			loader: 'js',
		}));
	},
};

const sameCodes = `function sameCodes(a, b) {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
	return true;
}`;

const lazySegmenter = `function lazySegmenter(...options) {
	let segmenter;
	return {segment: text => (segmenter ??= new Intl.Segmenter(...options)).segment(text)};
}`;

export const startupPlugin = {
	name: 'flashnews-startup',
	setup(build) {
		build.onResolve({filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/}, args =>
			args.importer.includes('/node_modules/conf/') ? {path: args.path, namespace: 'conf-unused'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'conf-unused'}, args => ({contents: confUnused[args.path], loader: 'js'}));
		// rss-parser loads Node's http and https at start-up for parseURL, which flashnews never calls:
		// it parses bytes it has read itself.
		build.onResolve({filter: /^https?$/}, args =>
			args.importer.includes('/node_modules/rss-parser/') ? {path: args.path, namespace: 'rss-parser-unused'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'rss-parser-unused'}, () => ({
			contents: "module.exports = {get() { throw new Error('flashnews does not fetch through rss-parser'); }};",
			loader: 'js',
		}));
		// Ink and its helpers measure every line of every frame with string-width, which is slow on
		// non-ASCII text; they get the project's equivalent (src/shims/ink-string-width.ts).
		build.onResolve({filter: /^string-width$/}, args =>
			args.importer.includes('/node_modules/') ? {path: inkStringWidth} : undefined,
		);
		// Ink turns every cell of every frame into a styled character and back (@alcalzone/ansi-tokenize),
		// about half of the first frame. Two changes with the same output (test/cli/build-patches.test.ts):
		// the characters of one style run share one styles array (the library never changes one; a
		// new style builds a new array), and a character styled like the one before it adds no codes,
		// so the per-cell diff is skipped.
		build.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, args => ({
			contents: `${replaceExactly(readFileSync(args.path, 'utf8'), args.path, [
				['styles: [...codes],', 'styles: codes,'],
				['        else {\n            ret += ansiCodesToString(diffAnsiCodes(', '        else if (!sameCodes(chars[i - 1].styles, char.styles)) {\n            ret += ansiCodesToString(diffAnsiCodes('],
			])}\n${sameCodes}`,
			loader: 'js',
		}));
		// The first Intl.Segmenter costs about 9 ms (ICU loads its data), and three dependencies make
		// one as they load. Ink's tokenizer, which reads every line of every frame, goes through
		// src/present/graphemes.ts instead, which needs no segmenter for most text; string-width and
		// slice-ansi make theirs on first use.
		build.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/}, args => ({
			contents: replaceExactly(readFileSync(args.path, 'utf8'), args.path, [
				['const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', `import {graphemes} from ${JSON.stringify(graphemesModule)};`],
				['of segmenter.segment(str)', 'of graphemes(str)'],
			]),
			loader: 'js',
		}));
		// string-width's emoji regexp is also made on first use: loaded from the code cache, that
		// literal costs 14 ms at start-up.
		build.onLoad({filter: /slice-ansi[\\/]tokenize-ansi\.js$/}, args => ({
			contents: `${replaceExactly(readFileSync(args.path, 'utf8'), args.path, [['= new Intl.Segmenter(', '= lazySegmenter(']])}\n${lazySegmenter}`,
			loader: 'js',
		}));
		build.onLoad({filter: /string-width[\\/]index\.js$/}, args => ({
			contents: `${replaceExactly(readFileSync(args.path, 'utf8'), args.path, [
				['= new Intl.Segmenter(', '= lazySegmenter('],
				['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', "let rgiEmoji;\nconst rgiEmojiRegex = {test: text => (rgiEmoji ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};"],
			])}\n${lazySegmenter}`,
			loader: 'js',
		}));
		// yoga-layout's emscripten loader fetch()es its inlined wasm when fetch exists, which pulls in
		// Node's undici (about 35 ms). Without fetch it decodes the same bytes synchronously.
		build.onLoad({filter: /yoga-wasm-base64-esm\.js$/}, args => {
			// Its base64 decoding (atob, then a byte loop) also costs ten times Buffer.from's.
			const source = readFileSync(args.path, 'utf8');
			const usesFetch = '"function"!=typeof fetch';
			const decodes = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
			if (!source.includes(usesFetch) || !source.includes(decodes)) {
				throw new Error('yoga-layout changed its wasm loader: revisit scripts/cli-build-options.mjs');
			}
			const contents = source.replace(usesFetch, 'true').replace(decodes, 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))');
			return {contents, loader: 'js'};
		});
	},
};

// import.meta.url in the sources (finding feeds/, the worker, lazy dependencies) means this file.
const fileUrlBanner = "var __flashnewsFileUrl=require('node:url').pathToFileURL(__filename).href;";

const shared = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	// Node 20 has the regexp `v` flag. Left to esbuild's default, string-width's /\p{RGI_Emoji}/v
	// literal becomes new RegExp(…) and is compiled at every start-up (14 ms) instead of on first use.
	supported: {'regexp-set-notation': true},
	jsx: 'automatic',
	minify: true,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
};

/**
 * The three files of dist/, as esbuild option sets:
 * - cli.js, the launcher (src/launcher.ts): compiles app.cjs with a code cache (CommonJS too: the
 *   build puts a package.json saying so in dist/);
 * - app.cjs, the whole reader in one CommonJS file (src/cli.tsx exports runCli);
 * - parse-worker.mjs, the worker that parses large feeds off the main thread.
 */
export function cliBuilds({outdir, minify = true}) {
	return [
		// CommonJS: an ES module entry costs Node about 10 ms more to start (its ESM loader).
		{
			...shared,
			minify,
			entryPoints: {cli: 'src/launcher.ts'},
			outdir,
			format: 'cjs',
			define: {...shared.define, 'import.meta.url': '__flashnewsFileUrl'},
			banner: {js: fileUrlBanner},
		},
		{
			...shared,
			minify,
			entryPoints: {app: 'src/cli.tsx'},
			outdir,
			outExtension: {'.js': '.cjs'},
			format: 'cjs',
			banner: {js: fileUrlBanner},
			define: {...shared.define, 'import.meta.url': '__flashnewsFileUrl'},
			external: lazyDependencies,
			plugins: [commonJsPlugin, startupPlugin],
		},
		{
			...shared,
			minify,
			entryPoints: {'parse-worker': 'src/load/parse-worker.ts'},
			outdir,
			outExtension: {'.js': '.mjs'},
			format: 'esm',
			// Some CommonJS dependencies call require(); give the ESM bundle one.
			banner: {js: "import {createRequire as __flashnewsRequire} from 'node:module';const require=__flashnewsRequire(import.meta.url);"},
			external: lazyDependencies,
			plugins: [startupPlugin],
		},
	];
}

/** Builds dist/ (or `outdir`) from scratch: the three bundles, and the package.json that makes its .js files CommonJS. */
export async function buildCli({root, outdir, minify = true}) {
	const target = path.resolve(root, outdir);
	rmSync(target, {recursive: true, force: true});
	await Promise.all(cliBuilds({outdir: target, minify}).map(options => build({...options, absWorkingDir: root})));
	// The package is ESM, the bundle CommonJS: dist/ says so for its .js files. The binary keeps the
	// name dist/cli.js, so links to it from earlier installs (and npx's cache) stay valid.
	writeFileSync(path.join(target, 'package.json'), '{"type": "commonjs"}\n');
	chmodSync(path.join(target, 'cli.js'), 0o755);
}
