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

// In a CommonJS bundle, every ES module that imports a CommonJS module by default (`import fs from
// 'node:fs'`, `import React from 'react'`) or as a namespace gets its own copy of that module's
// properties (esbuild's __toESM): some seventy copies of fs, path and process before the first
// frame, forty of React after it. Here each such module is imported through one module of its own,
// which makes that copy once.
const NODE_BUILTIN = `node:[a-z_/]+|${builtinModules.filter(name => !name.startsWith('_')).join('|')}`;
const SHARED_ONCE = new RegExp(`^(${NODE_BUILTIN}|react|react/jsx-runtime)$`);

export const importedOncePlugin = {
	name: 'flashnews-imported-once',
	setup(build) {
		build.onResolve({filter: SHARED_ONCE}, args => {
			if (args.namespace === 'imported-once' || args.kind !== 'import-statement') return undefined;
			const builtin = !args.path.startsWith('react') && !args.path.startsWith('node:');
			// The package resolves from where it was first imported: one copy per installed package.
			return {path: builtin ? `node:${args.path}` : args.path, namespace: 'imported-once', pluginData: {resolveDir: args.resolveDir}};
		});
		build.onLoad({filter: /.*/, namespace: 'imported-once'}, args => ({
			contents: `import shared from ${JSON.stringify(args.path)};\nexport default shared;\nexport * from ${JSON.stringify(args.path)};\n`,
			loader: 'js',
			resolveDir: args.pluginData.resolveDir,
		}));
	},
};
