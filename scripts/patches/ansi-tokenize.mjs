// @alcalzone/ansi-tokenize, with which Ink turns every cell of every frame into a styled character
// and back: about half of the first frame.
import {fileURLToPath} from 'node:url';

const graphemesModule = fileURLToPath(new URL('../../src/present/graphemes.ts', import.meta.url));

const sameCodes = `function sameCodes(a, b) {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
	return true;
}`;

/** @type {import('./apply-patches.mjs').PackagePatches} */
export default {
	package: '@alcalzone/ansi-tokenize',
	verified: '0.2.5',
	patches: [
		{
			// The library never changes a styles array (a new style builds a new one), so the characters
			// of one style run can share one.
			name: 'one styles array per style run',
			file: 'build/styledChars.js',
			changes: [['styles: [...codes],', 'styles: codes,']],
		},
		{
			// A character styled like the one before it adds no codes: the per-cell diff is skipped.
			name: 'no style diff between characters styled alike',
			file: 'build/styledChars.js',
			changes: [
				[
					'        else {\n            ret += ansiCodesToString(diffAnsiCodes(',
					'        else if (!sameCodes(chars[i - 1].styles, char.styles)) {\n            ret += ansiCodesToString(diffAnsiCodes(',
				],
			],
			append: sameCodes,
		},
		{
			// The tokenizer reads every line of every frame; src/present/graphemes.ts needs no
			// Intl.Segmenter (whose first use loads ICU data) for most text.
			name: 'graphemes split without Intl.Segmenter',
			file: 'build/tokenize.js',
			changes: [
				[
					'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
					`import {graphemes} from ${JSON.stringify(graphemesModule)};`,
				],
				['of segmenter.segment(str)', 'of graphemes(str)'],
			],
		},
	],
};
