import {expect} from 'vitest';

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

export const PASTE_START = '\u001B[200~';
export const PASTE_END = '\u001B[201~';

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * Writes each item as its own key press. Ink reads a write at once, except a lone Esc, which it
 * holds until its next setImmediate to tell it from the start of an escape sequence; the key
 * after an Esc waits for that turn, so the two are never read as one sequence. Nothing here
 * waits for a frame: follow with `eventually` on what the keys should change.
 */
export async function press(stdin: Stdin, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		stdin.write(key);
		if (key === KEYS.escape) await nextTurn();
	}
}

/**
 * Retries `read` until the assertion chained on it passes, failing with the last value it read.
 * Frames are drawn a React commit after the key, so every check on the screen goes through here.
 */
export function eventually<T>(read: () => T) {
	return expect.poll(read, {timeout: 10_000, interval: 5});
}
