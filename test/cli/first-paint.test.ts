import {afterEach, describe, expect, it, vi} from 'vitest';
import {prepareInkForFirstPaint} from '../../src/cli/first-paint.js';

const SLOT = Symbol.for('flashnews.ink-first-paint');
const slots = globalThis as Record<symbol, {frame?: string; applied?: boolean} | undefined>;

afterEach(() => {
	vi.restoreAllMocks();
	delete slots[SLOT];
});

describe('handing a painted first frame over to Ink', () => {
	it('clears the painted frame when Ink cannot start from it (run from sources, Ink unpatched), so Ink draws as if none were there', () => {
		const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		slots[SLOT] = {frame: 'painted\n'};
		prepareInkForFirstPaint({size: {columns: 80, rows: 24}, handOver() {}}, {columns: 80, rows: 24});
		expect(write).toHaveBeenCalledWith('\u001B[H\u001B[2J');
		expect(slots[SLOT]?.frame).toBeUndefined();
	});

	it('clears the painted frame when the terminal was resized since, with Ink patched', () => {
		const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		slots[SLOT] = {frame: 'painted\n', applied: true};
		const incremental = Symbol.for('flashnews.ink-incremental-rendering-fixed');
		const markers = globalThis as Record<symbol, unknown>;
		markers[incremental] = {expected: 1, applied: 1};
		try {
			prepareInkForFirstPaint({size: {columns: 80, rows: 24}, handOver() {}}, {columns: 80, rows: 24});
			expect(write).not.toHaveBeenCalled();
			expect(slots[SLOT]?.frame).toBe('painted\n');
			prepareInkForFirstPaint({size: {columns: 80, rows: 24}, handOver() {}}, {columns: 100, rows: 24});
			expect(write).toHaveBeenCalledWith('\u001B[H\u001B[2J');
			expect(slots[SLOT]?.frame).toBeUndefined();
		} finally {
			delete markers[incremental];
		}
	});

	it('writes nothing when nothing was painted', () => {
		const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		prepareInkForFirstPaint(undefined);
		expect(write).not.toHaveBeenCalled();
	});
});
