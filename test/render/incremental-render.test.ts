// Ink's incremental rendering rewrites only the lines of a frame that changed. These tests play
// every byte the reader writes in a terminal emulator and check, after each of many random keys,
// overlays and resizes, that the screen is the one a full redraw of the same frame gives.
import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {makeTempDir} from '../build/patched-bundle.js';
import {describeStep, randomSteps, runStep} from './random-session.js';
import {readerSources} from './reader-fixture.js';
import {bundleReader, type ReaderKit, startReader} from './reader-in-terminal.js';

let outDir = '';
let patched: ReaderKit;
let original: ReaderKit;

// Two bundles of Ink and the reader: slow on a machine whose cores are busy.
beforeAll(async () => {
	outDir = makeTempDir('flashnews-render-');
	patched = (await bundleReader(outDir, {patched: true})).exports;
	original = (await bundleReader(outDir, {patched: false})).exports;
}, 120_000);

afterAll(() => {
	fs.rmSync(outDir, {recursive: true, force: true});
});

type Session = {seed: number; steps: number; size: [number, number]; resizeShare?: number};

async function replay({seed, steps, size: [columns, rows], resizeShare}: Session) {
	const reader = await startReader(patched, {columns, rows, sources: readerSources(), incrementalRendering: true, hyperlinks: true});
	const done: string[] = [];
	try {
		expect(reader.terminal.screen()).toEqual(await reader.expectedScreen());
		for (const step of randomSteps(seed, steps, resizeShare)) {
			done.push(describeStep(step));
			await runStep(reader, step);
			const context = `seed ${seed}, after: ${done.slice(-6).join(', ')}`;
			expect(reader.rowsTooWide(), `${context}: rows wider than the terminal (the layout's fault, not the renderer's)`).toEqual([]);
			expect(reader.terminal.screen(), context).toEqual(await reader.expectedScreen());
			expect(reader.terminal.pendingWrapErases, context).toEqual([]);
		}
	} finally {
		await reader.unmount();
	}
}

describe('the reader drawn with incremental rendering', () => {
	it('runs on a bundle that counts every one of its Ink patches, which src/cli/run-reader.tsx requires to turn it on', () => {
		const marker = (globalThis as Record<symbol, unknown>)[Symbol.for('flashnews.ink-incremental-rendering-fixed')];
		expect(marker).toEqual({expected: 4, applied: 4});
	});

	it('shows, after every key and overlay, the screen a full redraw of the same frame shows (120x40)', async () => {
		await replay({seed: 1, steps: 250, size: [120, 40]});
	});

	it('shows the screen a full redraw shows in a wide terminal (200x60)', async () => {
		await replay({seed: 2, steps: 150, size: [200, 60]});
	});

	it('shows the screen a full redraw shows through resizes, narrower, wider, shorter and taller', async () => {
		await replay({seed: 4, steps: 120, size: [80, 24], resizeShare: 0.35});
	});

	it('needs the patch: with Ink as published, the first frame after the list arrives is drawn a row too low', async () => {
		const reader = await startReader(original, {columns: 120, rows: 40, sources: readerSources(), incrementalRendering: true});
		try {
			const shown = reader.terminal.screen();
			const expected = await reader.expectedScreen();
			expect(shown).not.toEqual(expected);
			// The old header, "0 articles", stays on the top row; the hint bar has gone.
			expect(shown[0]).toContain('0 articles · 0 unread');
			expect(shown.slice(1, 39)).toEqual(expected.slice(0, 38));
		} finally {
			await reader.unmount();
		}
	});
});
