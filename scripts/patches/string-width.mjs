// string-width, as the project's own text-width code and src/shims/ink-string-width.ts call it (Ink
// and its helpers get that shim instead: scripts/bundle-stubs.mjs).
import {lazySegmenter} from './lazy-segmenter.mjs';

/** @type {import('./apply-patches.mjs').PackagePatches} */
export default {
	package: 'string-width',
	verified: '8.3.0',
	patches: [
		{
			name: 'grapheme segmenter made on first use',
			file: 'index.js',
			changes: [['= new Intl.Segmenter(', '= lazySegmenter(']],
			append: lazySegmenter,
		},
		{
			// Loaded from the code cache, the literal is a noticeable part of start-up.
			name: 'emoji regexp compiled on first use',
			file: 'index.js',
			changes: [
				[
					'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
					"let rgiEmoji;\nconst rgiEmojiRegex = {test: text => (rgiEmoji ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};",
				],
			],
		},
	],
};
