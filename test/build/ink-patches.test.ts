// The reader's bundle is CommonJS, so it patches the top-level awaits out of yoga-layout and Ink,
// and patches yoga's wasm loading, Ink's styled characters and its text measuring for speed
// (scripts/patches/). These tests draw the same layouts with Ink bundled with and without those
// patches, and check the text is the same.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type {ComponentType, createElement as CreateElement, ReactNode} from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type Bundled, bundle, makeTempDir, patchNames, repoRoot} from './patched-bundle.js';
import {styledLine} from './styled-text.js';

type Kit = {
	renderToString(node: ReactNode, options?: {columns?: number}): string;
	Box: ComponentType<Record<string, unknown>>;
	Text: ComponentType<Record<string, unknown>>;
	createElement: typeof CreateElement;
};

const entry = "export {renderToString, Box, Text} from 'ink'; export {createElement} from 'react';";
const layoutEngineReady = Symbol.for('flashnews.layout-engine-ready');
let outDir = '';
let original: Kit;
let patched: Bundled<Kit>;
const forceColor = process.env.FORCE_COLOR;

beforeAll(async () => {
	// Colours on, as in a terminal, for both copies of chalk (each reads this as it loads).
	process.env.FORCE_COLOR = '3';
	outDir = makeTempDir('flashnews-patches-');
	patched = await bundle<Kit>(outDir, 'patched', entry, {patched: true, commonJs: true});
	await (globalThis as Record<symbol, unknown>)[layoutEngineReady];
	original = (await bundle<Kit>(outDir, 'original', entry, {patched: false})).exports;
});

afterAll(() => {
	fs.rmSync(outDir, {recursive: true, force: true});
	if (forceColor === undefined) delete process.env.FORCE_COLOR;
	else process.env.FORCE_COLOR = forceColor;
});

const piece = fc.record({
	text: styledLine,
	wrap: fc.constantFrom('wrap', 'truncate', 'truncate-start', 'truncate-middle', 'end'),
	color: fc.constantFrom(undefined, 'red', '#ff8800', 'gray'),
	backgroundColor: fc.constantFrom(undefined, 'blue'),
	bold: fc.boolean(),
	inverse: fc.boolean(),
	flexGrow: fc.nat(1),
	width: fc.option(fc.integer({min: 1, max: 20}), {nil: undefined}),
});
const layout = fc.record({
	columns: fc.integer({min: 8, max: 60}),
	flexDirection: fc.constantFrom('row', 'column'),
	borderStyle: fc.constantFrom(undefined, 'single', 'round', 'double'),
	padding: fc.nat(2),
	gap: fc.nat(2),
	pieces: fc.array(piece, {minLength: 1, maxLength: 4}),
});
type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function draw({renderToString, Box, Text, createElement: h}: Kit, {columns, pieces, ...box}: Layout): string {
	const children = pieces.map(({text, width, flexGrow, ...style}, index) => h(Box, {key: index, width, flexGrow}, h(Text, style, text)));
	return renderToString(h(Box, box, ...children), {columns});
}

describe("Ink with the patches of the reader's bundle", () => {
	it('has every patch of yoga-layout, Ink, ansi-tokenize, slice-ansi and string-width, so the comparison below means something', () => {
		expect(patched.skipped).toEqual([]);
		const packages = ['yoga-layout', 'ink', '@alcalzone/ansi-tokenize', 'slice-ansi', 'string-width'];
		expect([...new Set(patched.applied)].sort()).toEqual(packages.flatMap(name => patchNames(name, {commonJs: true})).sort());
	});

	it('draws a sample layout in colour, so the comparison below covers styles', () => {
		const sample: Layout = {
			columns: 20,
			flexDirection: 'row',
			borderStyle: 'round',
			padding: 0,
			gap: 1,
			pieces: [
				{
					text: 'flash 界',
					wrap: 'wrap',
					color: 'red',
					backgroundColor: undefined,
					bold: true,
					inverse: false,
					flexGrow: 1,
					width: undefined,
				},
			],
		};
		const drawn = draw(patched.exports, sample);
		expect(drawn).toContain('\u001B[31m');
		expect(drawn).toContain('flash 界');
		expect(drawn).toBe(draw(original, sample));
	});

	it('draws every layout exactly as Ink without them does', () => {
		fc.assert(
			fc.property(layout, spec => {
				expect(draw(patched.exports, spec)).toBe(draw(original, spec));
			}),
			{numRuns: 300},
		);
	});

	// Each text alone on its row from the first column: the rows the bundle writes straight from
	// the text (scripts/patches/ink-output-cache.mjs), as every row of the reader is.
	it('draws rows of styled text, each alone on its row, exactly as Ink without them does', () => {
		const rows = fc.record({columns: fc.integer({min: 8, max: 60}), lines: fc.array(styledLine, {minLength: 1, maxLength: 6})});
		fc.assert(
			fc.property(rows, ({columns, lines}) => {
				const drawRows = ({renderToString, Box, Text, createElement: h}: Kit) =>
					renderToString(
						h(Box, {flexDirection: 'column'}, ...lines.map((line, index) => h(Text, {key: index, wrap: 'truncate-end'}, line))),
						{
							columns,
						},
					);
				expect(drawRows(patched.exports)).toBe(drawRows(original));
			}),
			{numRuns: 500},
		);
	});
});

describe('with DEV=true, where Ink looks for React devtools', () => {
	/** What loading Ink prints, when `code` loads it in a fresh Node. */
	function loadingOutput(code: string): {stdout: string; stderr: string; status: number | null} {
		const {stdout, stderr, status} = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
			cwd: repoRoot,
			env: {...process.env, DEV: 'true'},
			encoding: 'utf8',
		});
		return {stdout, stderr, status};
	}

	it('the bundled Ink says devtools are missing exactly as Ink as published does, and still loads', () => {
		const bundled = loadingOutput(
			`import {createRequire} from 'node:module'; createRequire(import.meta.url)(${JSON.stringify(path.join(outDir, 'patched.cjs'))}); console.log('loaded');`,
		);
		const published = loadingOutput("await import('ink'); console.log('loaded');");
		expect(published.stderr).toContain('react-devtools-core');
		expect(bundled).toEqual(published);
	});
});
