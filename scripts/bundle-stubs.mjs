// Modules the CLI bundle swaps for others when a dependency imports them. Unlike the text patches
// (scripts/patches/), these do not depend on the text of a file, only on what its package imports.
import {builtinModules} from 'node:module';
import {fileURLToPath} from 'node:url';
import {packagePathPattern} from './patches/apply-patches.mjs';

const inkStringWidth = fileURLToPath(new URL('../src/shims/ink-string-width.ts', import.meta.url));
const insideNodeModules = /[\\/]node_modules[\\/]/;
const insideConf = packagePathPattern('conf');
const insideRssParser = packagePathPattern('rss-parser');
const insideInk = packagePathPattern('ink');

// conf imports ajv (JSON schema validation) and semver (its migrations) at load time; flashnews
// passes no schema and runs its own migrations, so the bundle carries stubs that fail loudly if
// that ever changes. That shortens start-up noticeably.
const confUnused = {
	'ajv/dist/2020.js': "export class Ajv2020 { constructor() { throw new Error('flashnews bundles no JSON schema validator'); } }",
	'ajv-formats': "export default {default() { throw new Error('flashnews bundles no JSON schema validator'); }};",
	semver:
		"const unused = () => { throw new Error('flashnews does not use conf migrations'); }; export default new Proxy({}, {get: () => unused});",
};

/** Whether a module imported from `importer` is one a dependency imports. */
export function importedByDependency(importer) {
	return insideNodeModules.test(importer);
}

export const stubsPlugin = {
	name: 'flashnews-stubs',
	setup(build) {
		build.onResolve({filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/}, args =>
			insideConf.test(args.importer) ? {path: args.path, namespace: 'conf-unused'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'conf-unused'}, args => ({contents: confUnused[args.path], loader: 'js'}));
		// rss-parser loads Node's http and https at start-up for parseURL, which flashnews never calls:
		// it parses bytes it has read itself.
		build.onResolve({filter: /^https?$/}, args =>
			insideRssParser.test(args.importer) ? {path: args.path, namespace: 'rss-parser-unused'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'rss-parser-unused'}, () => ({
			contents: "module.exports = {get() { throw new Error('flashnews does not fetch through rss-parser'); }};",
			loader: 'js',
		}));
		// Ink's reconciler imports React devtools when DEV=true (unless scripts/patches/ink.mjs took
		// that out). The optional react-devtools-core is not installed: the import fails the way
		// Node's would, and Ink reports it.
		build.onResolve({filter: /^react-devtools-core$/}, args =>
			insideInk.test(args.importer) ? {path: args.path, namespace: 'ink-devtools-unused'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'ink-devtools-unused'}, () => ({
			contents: "throw Object.assign(new Error('flashnews is built without React devtools'), {code: 'ERR_MODULE_NOT_FOUND'});",
			loader: 'js',
		}));
		// Ink and its helpers measure every line of every frame with string-width, which is slow on
		// non-ASCII text; they get the project's equivalent (src/shims/ink-string-width.ts).
		build.onResolve({filter: /^string-width$/}, args => (importedByDependency(args.importer) ? {path: inkStringWidth} : undefined));
	},
};

// In a CommonJS bundle, every ES module that imports a Node builtin by default (`import fs from
// 'node:fs'`) or as a namespace gets its own copy of the builtin's properties (esbuild's __toESM):
// some seventy copies of fs, path and process at start-up, a good share of loading the bundle.
// Here each builtin is imported through one module of its own, which makes that copy once.
const NODE_BUILTIN = new RegExp(`^(node:[a-z_/]+|(${builtinModules.filter(name => !name.startsWith('_')).join('|')}))$`);

export const builtinsOncePlugin = {
	name: 'flashnews-builtins-once',
	setup(build) {
		build.onResolve({filter: NODE_BUILTIN}, args => {
			if (args.namespace === 'builtin-once' || args.kind !== 'import-statement') return undefined;
			return {path: args.path.startsWith('node:') ? args.path : `node:${args.path}`, namespace: 'builtin-once'};
		});
		build.onLoad({filter: /.*/, namespace: 'builtin-once'}, args => ({
			contents: `import builtin from ${JSON.stringify(args.path)};\nexport default builtin;\nexport * from ${JSON.stringify(args.path)};\n`,
			loader: 'js',
		}));
	},
};
