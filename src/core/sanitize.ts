// Feed text is written by strangers and printed into a terminal. Everything a feed says passes
// through here once, in core, so no control character or escape sequence reaches any output.

// Complete escape sequences first (so their payload goes too), then any stray control left over.
// 7-bit and 8-bit forms: CSI (ESC [ / U+009B), OSC (ESC ] / U+009D), DCS (ESC P / U+0090),
// SOS (ESC X / U+0098), PM (ESC ^ / U+009E), APC (ESC _ / U+009F); string sequences end at BEL or ST.
const ESCAPE_SEQUENCES = new RegExp(
	[
		String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?`,
		String.raw`(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?`,
		String.raw`\u001B[\u0020-\u002F]*[\u0030-\u007E]?`,
	].join('|'),
	'g',
);

// C0 controls (newline and tab handled by the callers), DEL, C1 controls, bidi embeddings,
// overrides and isolates, and the zero-width/format characters that make column widths lie.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u00AD]/g;
const NEEDS_WORK = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u00AD]/;

function stripSequences(text: string): string {
	return text.replace(ESCAPE_SEQUENCES, '');
}

function toText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

/**
 * For one-line fields (titles, authors, feed names, categories, links): every control goes,
 * whitespace runs (including newlines and tabs) collapse to one space, ends are trimmed.
 * Anything that is not a string, number or boolean becomes ''.
 */
export function sanitizeLine(value: unknown): string {
	let text = toText(value);
	if (NEEDS_WORK.test(text)) {
		text = stripSequences(text).replace(/[\t\n\r\f\v]+/g, ' ').replace(CONTROLS, '');
	}
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * For multi-line text (article bodies): keeps newlines, turns tabs into spaces and CRLF/CR into
 * newlines, removes every other control and escape sequence, and trims trailing spaces per line.
 */
export function sanitizeText(value: unknown): string {
	let text = toText(value);
	if (NEEDS_WORK.test(text)) {
		text = stripSequences(text.replace(/\r\n?/g, '\n'))
			.replace(/\t/g, '    ')
			.replace(CONTROLS, '');
	}
	return text.replace(/[ \u00A0]+$/gm, '');
}
