import {setTimeout as sleep} from 'node:timers/promises';

type Stdin = {write(data: string): void};

export const KEYS = {
	down: '\u001B[B',
	up: '\u001B[A',
	right: '\u001B[C',
	left: '\u001B[D',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
} as const;

/** Lets Ink read the input and React commit (a lone Esc waits for a setImmediate in Ink). */
export async function settle(): Promise<void> {
	await sleep(20);
}

/** Writes each item separately, as separate key presses, letting Ink catch up after each. */
export async function press(stdin: Stdin, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		stdin.write(key);
		await settle();
	}
}

/** Waits until `check` passes (for things that happen after a render, like a mounted picker). */
export async function waitUntil(check: () => boolean, describe: () => string): Promise<void> {
	for (let attempt = 0; attempt < 300; attempt++) {
		if (check()) return;
		await sleep(10);
	}
	throw new Error(`gave up waiting; last frame:\n${describe()}`);
}
