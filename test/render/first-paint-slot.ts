// Where src/cli/first-paint.ts leaves the painted frame for Ink (scripts/patches/ink-first-paint.mjs).
export const FIRST_PAINT = Symbol.for('flashnews.ink-first-paint');

/** What first-paint writes before the frame: the cursor hidden, then moved to the top left. */
export const PAINT_PREFIX = '\u001B[?25l\u001B[H';

/** Leaves `frame`, just written to `stream`, for the next incremental log-update made for it. */
export function leaveFirstPaint(stream: object, frame: string): void {
	const slots = globalThis as Record<symbol, object | undefined>;
	const slot = slots[FIRST_PAINT] ?? {};
	slots[FIRST_PAINT] = Object.assign(slot, {stream, frame});
}
