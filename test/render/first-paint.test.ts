// The reader paints its first frame before Ink and React load (src/cli/first-paint.ts), and Ink's
// incremental rendering starts from it (scripts/patches/ink-first-paint.mjs). These tests play
// the painted frame and everything Ink writes after it in a terminal emulator.
import fs from 'node:fs';
import {stripVTControlCharacters} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {makeTempDir} from '../build/patched-bundle.js';
import {FIRST_PAINT} from './first-paint-slot.js';
import {readerSources} from './reader-fixture.js';
import {bundleReader, type ReaderKit, type StartOptions, startReader} from './reader-in-terminal.js';

let outDir = '';
let patched: ReaderKit;
let original: ReaderKit;

// Two bundles of Ink and the reader: slow on a machine whose cores are busy.
beforeAll(async () => {
	outDir = makeTempDir('flashnews-first-paint-');
	patched = (await bundleReader(outDir, {patched: true})).exports;
	original = (await bundleReader(outDir, {patched: false})).exports;
}, 120_000);

afterAll(() => {
	fs.rmSync(outDir, {recursive: true, force: true});
});

const same = (frame: string) => frame;

async function paintThenStart(kit: ReaderKit, columns: number, rows: number, firstPaint: StartOptions['firstPaint'] = same) {
	return startReader(kit, {columns, rows, sources: readerSources(), incrementalRendering: true, firstPaint});
}

describe('the first frame painted before Ink', () => {
	it('runs on a bundle whose Ink has the patch that starts from a painted frame', () => {
		expect((globalThis as Record<symbol, {applied?: boolean} | undefined>)[FIRST_PAINT]?.applied).toBe(true);
	});

	for (const [columns, rows] of [
		[100, 30],
		[120, 40],
		[200, 60],
		[60, 12],
	] as const) {
		it(`is the frame Ink draws first, so Ink rewrites no line of it (${columns}x${rows})`, async () => {
			const reader = await paintThenStart(patched, columns, rows);
			try {
				expect(reader.terminal.screen()).toEqual(await reader.expectedScreen());
				// Only escape sequences (hiding the cursor), no text: not one line was written again.
				expect(stripVTControlCharacters(reader.written).replaceAll(/[\r\n]/g, '')).toBe('');
				await reader.press('j');
				await reader.flush();
				expect(reader.terminal.screen()).toEqual(await reader.expectedScreen());
			} finally {
				await reader.unmount();
			}
		});
	}

	it('is corrected by Ink where it differs: a changed line, text where Ink has none, a missing line', async () => {
		const wrong = (frame: string) => {
			const lines = frame.split('\n');
			lines[0] = 'a header that is not the one Ink draws';
			// The status line, empty in Ink's frame.
			lines[lines.length - 3] = 'a status that Ink does not show';
			lines.splice(5, 1);
			return lines.join('\n');
		};
		const reader = await paintThenStart(patched, 120, 40, wrong);
		try {
			expect(reader.terminal.screen()).toEqual(await reader.expectedScreen());
			// Ink wrote the lines that differ: the header among them.
			expect(stripVTControlCharacters(reader.written)).toContain('75 articles');
		} finally {
			await reader.unmount();
		}
	});

	it('needs the patch: with Ink as published, the painted frame is not taken and Ink writes its own again', async () => {
		const reader = await paintThenStart(original, 120, 40);
		try {
			expect(stripVTControlCharacters(reader.written)).toContain('Headline');
		} finally {
			await reader.unmount();
			delete (globalThis as Record<symbol, unknown>)[FIRST_PAINT];
		}
	});
});
