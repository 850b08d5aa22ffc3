import {writeSync} from 'node:fs';
import {sanitizeLine} from '../core/text/sanitize.js';

let closed = false;

/**
 * Writes straight to the stdout descriptor, so a large --json or --plain result is complete
 * before the process exits, and a reader that goes away (`| head`) ends the output quietly.
 */
export function writeOut(text: string): void {
	if (closed) return;
	let buffer = Buffer.from(text);
	while (buffer.length > 0) {
		try {
			const written = writeSync(1, buffer);
			buffer = buffer.subarray(written);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'EAGAIN') continue;
			if (code === 'EPIPE') {
				closed = true;
				return;
			}
			throw error;
		}
	}
}

/** One line on stderr, prefixed with the program name; messages can quote feed text, so sanitized. */
export function warn(message: string): void {
	process.stderr.write(`flashnews: ${sanitizeLine(message)}\n`);
}
