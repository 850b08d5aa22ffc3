// The esbuild settings for the CLI bundle, shared by scripts/build.mjs and bench/profile.mjs.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const inkStringWidth = fileURLToPath(new URL('../src/ui/ink-string-width.ts', import.meta.url));

/** Loaded with lazyRequire (src/core/lazy-require.ts) only when a run needs them. */
const lazyDependencies = ['html-to-text', 'iconv-lite'];

// conf imports ajv (JSON schema validation) and semver (its migrations) at load time; flashnews
// passes no schema and runs its own migrations, so the bundle carries stubs that fail loudly if
// that ever changes. This saves about 30 ms of start-up.
const confUnused = {
	'ajv/dist/2020.js': "export class Ajv2020 { constructor() { throw new Error('flashnews bundles no JSON schema validator'); } }",
	'ajv-formats': "export default {default() { throw new Error('flashnews bundles no JSON schema validator'); }};",
	semver: "const unused = () => { throw new Error('flashnews does not use conf migrations'); }; export default new Proxy({}, {get: () => unused});",
};

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
		// non-ASCII text; they get the project's equivalent (src/ui/ink-string-width.ts).
		build.onResolve({filter: /^string-width$/}, args =>
			args.importer.includes('/node_modules/') ? {path: inkStringWidth} : undefined,
		);
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

export const cliBuildOptions = {
	entryPoints: {cli: 'src/cli.tsx', 'parse-worker': 'src/core/parse-worker.ts'},
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
	legalComments: 'none',
	// Some CommonJS dependencies call require(); give the ESM bundle one.
	banner: {js: "import {createRequire as __flashnewsRequire} from 'node:module';const require=__flashnewsRequire(import.meta.url);"},
	// Ink optionally imports react-devtools-core only when DEV=true.
	external: ['react-devtools-core', ...lazyDependencies],
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [startupPlugin],
	logLevel: 'warning',
};

