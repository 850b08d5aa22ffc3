// yoga-layout, the layout engine under Ink.

/** @type {import('./apply-patches.mjs').PackagePatches} */
export default {
	package: 'yoga-layout',
	verified: '3.2.1',
	patches: [
		{
			// The entry awaits its wasm at the top level, which CommonJS cannot hold. Here it exports a
			// live binding instead, filled in when the wasm is ready, and leaves the promise where
			// src/shims/layout-engine-ready.ts finds it. Without this patch the reader is bundled as an
			// ES module (scripts/cli-build-options.mjs).
			name: 'entry without top-level await',
			file: 'dist/src/index.js',
			commonJs: true,
			changes: [
				[
					'const Yoga = wrapAssembly(await loadYoga());\nexport default Yoga;',
					"let Yoga;\nglobalThis[Symbol.for('flashnews.layout-engine-ready')] = loadYoga().then(loaded => { Yoga = wrapAssembly(loaded); });\nexport {Yoga as default};",
				],
			],
		},
		{
			// The emscripten loader fetch()es its inlined wasm when fetch exists, which loads Node's
			// undici, itself slow to load. Without fetch it decodes the same bytes synchronously.
			name: 'wasm decoded without fetch',
			file: 'dist/binaries/yoga-wasm-base64-esm.js',
			changes: [['"function"!=typeof fetch', 'true']],
		},
		{
			// Its base64 decoding (atob, then a byte loop) costs ten times Buffer.from's.
			name: 'wasm decoded with Buffer',
			file: 'dist/binaries/yoga-wasm-base64-esm.js',
			changes: [
				[
					'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
					'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
				],
			],
		},
	],
};
