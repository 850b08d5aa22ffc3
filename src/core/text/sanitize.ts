// Feed text is written by strangers and printed into a terminal. Everything a feed says passes
// through here once, in core, so no control character or escape sequence reaches any output.
//
// Removing the introducer (ESC or a C1 control) is what makes a sequence harmless; removing its
// payload only keeps garbage like `8;;http://…` off the screen. So payloads go whenever the
// sequence is unambiguous, and are left as inert text when it is not:
// - 7-bit sequences start with ESC, which never occurs in real text. An OSC/DCS/SOS/PM/APC string
//   without a terminator is removed up to the end of the input. ESC + one normal character is a
//   complete two-character escape (ESC c, ESC 7, ...), so only that character goes with it.
// - 8-bit introducers (U+0090, U+0098, U+009B, U+009D-U+009F) are mostly mojibake: UTF-8 read as
//   Latin-1 turns ß, Ø, Đ and the „“ quotes into exactly these code points. Swallowing text up to
//   the next "terminator" would delete real sentences, so payloads go only for an 8-bit CSI with
//   parameters (`\u009B31m`) and an 8-bit OSC of the form `\u009D<digits>;…<BEL|ST>` on one line.
//   Any other 8-bit introducer is removed alone.
const ESCAPE_SEQUENCES = new RegExp(
	[
		String.raw`\u001B\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?`,
		String.raw`\u009B[\u0030-\u003F]+[\u0020-\u002F]*[\u0040-\u007E]`,
		String.raw`\u001B[\]PX^_][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?`,
		String.raw`\u009D[0-9]+;[^\u0007\u001B\u009C\n]*(?:\u0007|\u001B\\|\u009C)`,
		String.raw`\u001B[\u0020-\u002F]*[\u0030-\u007E]?`,
	].join('|'),
	'g',
);

// C0 controls (newline and tab handled by the callers), DEL, C1 controls, bidi embeddings,
// overrides and isolates, and the zero-width/format characters that terminals and string-width
// disagree about (ZWSP, word joiner, BOM, soft hyphen). ZWJ stays: emoji sequences need it.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u00AD]/g;
const LINE_NEEDS_WORK = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u00AD]/;
// Newline alone is fine in multi-line text, so it must not push every body onto the slow path.
const TEXT_NEEDS_WORK = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u00AD\u2028\u2029]/;

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
	if (LINE_NEEDS_WORK.test(text)) {
		text = stripSequences(text)
			.replace(/[\t\n\r\f\v]+/g, ' ')
			.replace(CONTROLS, '');
	}
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * For multi-line text (article bodies): keeps newlines, turns CRLF/CR, form feeds and Unicode
 * line/paragraph separators into newlines and tabs into four spaces, and removes every other
 * control and escape sequence. Spacing is otherwise left alone: layout is the caller's business.
 */
export function sanitizeText(value: unknown): string {
	const text = toText(value);
	if (!TEXT_NEEDS_WORK.test(text)) return text;
	return stripSequences(text.replace(/\r\n?|[\f\v\u2028\u2029]/g, '\n'))
		.replace(/\t/g, '    ')
		.replace(CONTROLS, '');
}
