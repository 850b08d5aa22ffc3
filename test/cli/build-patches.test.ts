// The CLI bundle patches Ink's styled-character code for speed (scripts/cli-build-options.mjs).
// These tests bundle that library with and without the patch and check both draw the same text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import {startupPlugin} from '../../scripts/cli-build-options.mjs';

type StyledChar = {value: string; styles: unknown[]};
type Tokenizer = {
	stringWidth(text: string): number;
	tokenize(text: string): unknown[];
	styledCharsFromTokens(tokens: unknown[]): StyledChar[];
	styledCharsToString(chars: StyledChar[]): string;
};

const root = fileURLToPath(new URL('../..', import.meta.url));
let outDir = '';
let original: Tokenizer;
let patched: Tokenizer;

async function bundle(name: string, plugins: Plugin[]): Promise<Tokenizer> {
	const outfile = path.join(outDir, `${name}.mjs`);
	await build({
		stdin: {contents: "export * from '@alcalzone/ansi-tokenize'; export {default as stringWidth} from 'string-width';", resolveDir: root, loader: 'js'},
		bundle: true,
		format: 'esm',
		platform: 'node',
		outfile,
		plugins,
		logLevel: 'silent',
	});
	return (await import(pathToFileURL(outfile).href)) as Tokenizer;
}

beforeAll(async () => {
	outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashnews-patches-'));
	original = await bundle('original', []);
	patched = await bundle('patched', [startupPlugin as Plugin]);
});

afterAll(() => fs.rmSync(outDir, {recursive: true, force: true}));

const sgr = fc.constantFrom(
	'\u001B[0m', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[3m', '\u001B[23m', '\u001B[4m', '\u001B[24m', '\u001B[7m', '\u001B[27m',
	'\u001B[31m', '\u001B[32m', '\u001B[39m', '\u001B[38;5;208m', '\u001B[38;2;10;20;30m', '\u001B[44m', '\u001B[49m',
);
const text = fc.oneof(
	fc.constantFrom('a', 'b', ' ', 'ë', '—', '…', '●', '★', '界', '한', '😀', '1\u20E3', 'e\u0301', '\u200D', '\uFE0F', '\r\n', '\u{1F1E6}\u{1F1F1}'),
	fc.string({unit: 'grapheme', maxLength: 3}),
);
const styledLine = fc.array(fc.oneof(sgr, text), {maxLength: 40}).map(parts => parts.join(''));

/** A row as Ink's Output builds one: pieces of several lines written at places, blanks between. */
function drawRow(tokenizer: Tokenizer, lines: string[], gaps: number[]): string {
	const row: StyledChar[] = [];
	lines.forEach((line, index) => {
		for (let gap = 0; gap < (gaps[index] ?? 0); gap++) row.push({value: ' ', styles: []});
		row.push(...tokenizer.styledCharsFromTokens(tokenizer.tokenize(line)));
	});
	return tokenizer.styledCharsToString(row);
}

describe('the patched ansi-tokenize and string-width', () => {
	it('tokenize exactly as the originals do, and measure the same widths', () => {
		fc.assert(
			fc.property(styledLine, line => {
				expect(patched.tokenize(line)).toEqual(original.tokenize(line));
				expect(patched.stringWidth(line)).toBe(original.stringWidth(line));
			}),
			{numRuns: 1000},
		);
	});

	it('is really patched (shares the styles of a run), so the comparison below means something', () => {
		const [first, second] = patched.styledCharsFromTokens(patched.tokenize('\u001B[31mab'));
		expect(first!.styles).toBe(second!.styles);
		const [plainFirst, plainSecond] = original.styledCharsFromTokens(original.tokenize('\u001B[31mab'));
		expect(plainFirst!.styles).not.toBe(plainSecond!.styles);
		const source = fs.readFileSync(path.join(outDir, 'patched.mjs'), 'utf8');
		expect(source).toContain('of graphemes(str)');
		expect(source).toContain('= lazySegmenter(');
		expect(source).not.toMatch(/(?:const|var|let) \w+ = new Intl\.Segmenter\(/);
	});

	it('turns styled characters back into exactly the same text as the original', () => {
		fc.assert(
			fc.property(fc.array(styledLine, {minLength: 1, maxLength: 5}), fc.array(fc.nat(5), {maxLength: 5}), (lines, gaps) => {
				expect(drawRow(patched, lines, gaps)).toBe(drawRow(original, lines, gaps));
			}),
			{numRuns: 500},
		);
	});
});
