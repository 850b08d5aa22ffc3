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
		prepareInkForFirstPaint({handOver() {}});
		expect(write).toHaveBeenCalledWith('\u001B[H\u001B[2J');
		expect(slots[SLOT]?.frame).toBeUndefined();
	});

	it('writes nothing when nothing was painted', () => {
		const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		prepareInkForFirstPaint(undefined);
		expect(write).not.toHaveBeenCalled();
	});
});
