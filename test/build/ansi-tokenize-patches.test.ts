// The CLI bundle patches Ink's styled-character code for speed (scripts/patches/ansi-tokenize.mjs).
// These tests bundle that library with and without the patches and check both give the same output.
import fs from 'node:fs';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type Bundled, bundle, makeTempDir, patchNames} from './patched-bundle.js';
import {styledLine} from './styled-text.js';

type StyledChar = {value: string; styles: unknown[]};
type Tokenizer = {
	tokenize(text: string): unknown[];
	styledCharsFromTokens(tokens: unknown[]): StyledChar[];
	styledCharsToString(chars: StyledChar[]): string;
};

const entry = "export * from '@alcalzone/ansi-tokenize';";
let outDir = '';
let original: Tokenizer;
let patched: Bundled<Tokenizer>;

beforeAll(async () => {
	outDir = makeTempDir('flashnews-patches-');
	original = (await bundle<Tokenizer>(outDir, 'original', entry, {patched: false})).exports;
	patched = await bundle<Tokenizer>(outDir, 'patched', entry, {patched: true});
});

afterAll(() => fs.rmSync(outDir, {recursive: true, force: true}));

/** A row as Ink's Output builds one: pieces of several lines written at places, blanks between. */
function drawRow(tokenizer: Tokenizer, lines: string[], gaps: number[]): string {
	const row: StyledChar[] = [];
	lines.forEach((line, index) => {
		for (let gap = 0; gap < (gaps[index] ?? 0); gap++) row.push({value: ' ', styles: []});
		row.push(...tokenizer.styledCharsFromTokens(tokenizer.tokenize(line)));
	});
	return tokenizer.styledCharsToString(row);
}

describe('the patched ansi-tokenize', () => {
	it('is really patched, every patch of it, so the comparisons below mean something', () => {
		expect(patched.skipped).toEqual([]);
		expect([...patched.applied].sort()).toEqual(patchNames('@alcalzone/ansi-tokenize').sort());
		const [first, second] = patched.exports.styledCharsFromTokens(patched.exports.tokenize('\u001B[31mab'));
		expect(first!.styles).toBe(second!.styles);
		const [plainFirst, plainSecond] = original.styledCharsFromTokens(original.tokenize('\u001B[31mab'));
		expect(plainFirst!.styles).not.toBe(plainSecond!.styles);
		const source = fs.readFileSync(`${outDir}/patched.mjs`, 'utf8');
		expect(source).toContain('of graphemes(str)');
		expect(source).not.toContain('new Intl.Segmenter(undefined, { granularity: "grapheme" })');
	});

	it('tokenizes exactly as the original does', () => {
		fc.assert(
			fc.property(styledLine, line => {
				expect(patched.exports.tokenize(line)).toEqual(original.tokenize(line));
			}),
			{numRuns: 1000},
		);
	});

	it('turns styled characters back into exactly the same text as the original', () => {
		fc.assert(
			fc.property(fc.array(styledLine, {minLength: 1, maxLength: 5}), fc.array(fc.nat(5), {maxLength: 5}), (lines, gaps) => {
				expect(drawRow(patched.exports, lines, gaps)).toBe(drawRow(original, lines, gaps));
			}),
			{numRuns: 500},
		);
	});
});
