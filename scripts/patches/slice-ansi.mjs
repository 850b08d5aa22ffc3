// slice-ansi, which Ink (and cli-truncate) use to cut styled text.
import {lazySegmenter} from './lazy-segmenter.mjs';

/** @type {import('./apply-patches.mjs').PackagePatches} */
export default {
	package: 'slice-ansi',
	verified: '8.0.0',
	patches: [
		{
			name: 'grapheme segmenter made on first use',
			file: 'tokenize-ansi.js',
			changes: [['= new Intl.Segmenter(', '= lazySegmenter(']],
			append: lazySegmenter,
		},
	],
};
