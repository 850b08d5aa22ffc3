// Seeded random sessions of keys and resizes, for comparing what the terminal shows after each
// step with a full redraw of the same frame.
// @ts-expect-error: a plain .mjs bench script without types
import {seededRandom as mulberry32} from '../../bench/generate-feeds.mjs';
import type {ReaderInTerminal} from './reader-in-terminal.js';

/** A small seeded generator (mulberry32), so a failing session can be replayed from its seed. */
export const seededRandom: (seed: number) => () => number = mulberry32;

export type Step = {kind: 'keys'; keys: string[]} | {kind: 'resize'; columns: number; rows: number};

const ESC = '\u001B';
/** List, article, picker, help and search keys; `q` (quit) and the link keys are left out. */
const KEYS = [
	...['j', 'k', 'j', 'k', 'j', 'k', 'g', 'G', ' ', `${ESC}[6~`, `${ESC}[5~`, `${ESC}[B`, `${ESC}[A`],
	...['\r', '\r', ESC, ESC, 'h', 'J', 'K', '?', '?', 'f', 'f', 'l'],
	...['a', 'U', 'B', 's', 'm', 'b', 'n', 'N', 'A', 'u'],
	...['/', '/', 'e', 'ü', '東', '\u007F'],
];
export const SIZES: ReadonlyArray<[number, number]> = [
	[120, 40],
	[200, 60],
	[80, 24],
	[121, 40],
	[120, 39],
	[60, 20],
	[45, 12],
	[100, 5],
];

/**
 * `count` steps: mostly single keys, some bursts of keys faster than a frame, and resizes (a
 * `resizeShare` of the steps).
 */
export function randomSteps(seed: number, count: number, resizeShare = 0.08): Step[] {
	const random = seededRandom(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
	return Array.from({length: count}, (): Step => {
		const roll = random();
		if (roll < resizeShare) {
			const [columns, rows] = pick(SIZES);
			return {kind: 'resize', columns, rows};
		}
		const burst = roll < resizeShare + 0.12 ? 2 + Math.floor(random() * 4) : 1;
		return {kind: 'keys', keys: Array.from({length: burst}, () => pick(KEYS))};
	});
}

export function describeStep(step: Step): string {
	return step.kind === 'resize' ? `resize to ${step.columns}x${step.rows}` : `keys ${JSON.stringify(step.keys.join(''))}`;
}

export async function runStep(reader: ReaderInTerminal, step: Step): Promise<void> {
	if (step.kind === 'resize') await reader.resize(step.columns, step.rows);
	else for (const keys of step.keys) await reader.press(keys);
	await reader.flush();
}
