// Ink, the React renderer for the terminal.
import {firstPaintPatch} from './ink-first-paint.mjs';
import {incrementalPatches} from './ink-incremental.mjs';
import {oneWritePatch} from './ink-one-write.mjs';
import {outputCachePatch} from './ink-output-cache.mjs';
import {textCachePatches} from './ink-text-cache.mjs';

/** @type {import('./apply-patches.mjs').PackagePatches} */
export default {
	package: 'ink',
	verified: '6.8.0',
	patches: [
		{
			// The reconciler awaits, at the top level, React devtools and its own package.json, both only
			// when DEV=true; CommonJS cannot hold top-level await. Here it does neither: with DEV=true it
			// reports devtools missing as the published code does when react-devtools-core is not
			// installed. Without this patch the reader is bundled as an ES module
			// (scripts/cli-build-options.mjs).
			name: 'reconciler without top-level await',
			file: 'build/reconciler.js',
			commonJs: true,
			changes: [
				[
					"await import('./devtools.js');",
					"throw Object.assign(new Error('flashnews is built without React devtools'), {code: 'ERR_MODULE_NOT_FOUND'});",
				],
				['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
			],
		},
		...incrementalPatches,
		outputCachePatch,
		...textCachePatches,
		firstPaintPatch,
		oneWritePatch,
	],
};
