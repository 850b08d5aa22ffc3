// The CLI bundle patches string-width and slice-ansi to make their segmenter and regexp on first use
// (scripts/patches/), and hands Ink src/shims/ink-string-width.ts instead of string-width
// (scripts/bundle-stubs.mjs). These tests check each measures and cuts text as the original does.
import fs from 'node:fs';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import inkStringWidth from '../../src/shims/ink-string-width.js';
import {type Bundled, bundle, makeTempDir, patchNames} from './patched-bundle.js';
import {styledLine} from './styled-text.js';

type WidthOptions = {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean};
type Measures = {
	stringWidth(text: string, options?: WidthOptions): number;
	sliceAnsi(text: string, start: number, end?: number): string;
};

const entry = "export {default as stringWidth} from 'string-width'; export {default as sliceAnsi} from 'slice-ansi';";
let outDir = '';
let original: Measures;
let patched: Bundled<Measures>;

beforeAll(async () => {
	outDir = makeTempDir('flashnews-patches-');
	original = (await bundle<Measures>(outDir, 'original', entry, {patched: false})).exports;
	patched = await bundle<Measures>(outDir, 'patched', entry, {patched: true});
});

afterAll(() => fs.rmSync(outDir, {recursive: true, force: true}));

const widthOptions = fc.constantFrom<WidthOptions | undefined>(
	undefined,
	{},
	{ambiguousIsNarrow: false},
	{countAnsiEscapeCodes: true},
	{ambiguousIsNarrow: true},
);

describe('the patched string-width and slice-ansi', () => {
	it('are really patched, every patch of them, so the comparisons below mean something', () => {
		expect(patched.skipped).toEqual([]);
		expect([...patched.applied].sort()).toEqual([...patchNames('string-width'), ...patchNames('slice-ansi')].sort());
		const source = fs.readFileSync(`${outDir}/patched.mjs`, 'utf8');
		expect(source).not.toMatch(/(?:const|var|let) \w+ = new Intl\.Segmenter\(/);
		expect(source).not.toContain('/^\\p{RGI_Emoji}$/v');
	});

	it('string-width measures every text as the original does, with every option', () => {
		fc.assert(
			fc.property(styledLine, widthOptions, (line, options) => {
				expect(patched.exports.stringWidth(line, options)).toBe(original.stringWidth(line, options));
			}),
			{numRuns: 1000},
		);
	});

	it('slice-ansi cuts every styled text as the original does', () => {
		fc.assert(
			fc.property(styledLine, fc.nat(30), fc.option(fc.nat(40), {nil: undefined}), (line, start, end) => {
				expect(patched.exports.sliceAnsi(line, start, end)).toBe(original.sliceAnsi(line, start, end));
			}),
			{numRuns: 1000},
		);
	});
});

describe("Ink's string-width stand-in", () => {
	it('measures every text as string-width does, with every option', () => {
		fc.assert(
			fc.property(styledLine, widthOptions, (line, options) => {
				expect(inkStringWidth(line, options)).toBe(stringWidth(line, options));
			}),
			{numRuns: 1000},
		);
	});
});
