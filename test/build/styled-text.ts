// Terminal text as Ink draws it: SGR styles mixed with ASCII, wide, combining, emoji and control
// characters, for comparing patched dependencies with the originals.
import fc from 'fast-check';

export const sgr = fc.constantFrom(
	'\u001B[0m',
	'\u001B[1m',
	'\u001B[2m',
	'\u001B[22m',
	'\u001B[3m',
	'\u001B[23m',
	'\u001B[4m',
	'\u001B[24m',
	'\u001B[7m',
	'\u001B[27m',
	'\u001B[31m',
	'\u001B[32m',
	'\u001B[39m',
	'\u001B[38;5;208m',
	'\u001B[38;2;10;20;30m',
	'\u001B[44m',
	'\u001B[49m',
);

export const text = fc.oneof(
	fc.constantFrom(
		'a',
		'b',
		' ',
		'ë',
		'—',
		'…',
		'●',
		'★',
		'界',
		'한',
		'😀',
		'1\u20E3',
		'e\u0301',
		'\u200D',
		'\uFE0F',
		'\r\n',
		'\u{1F1E6}\u{1F1F1}',
		'\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
	),
	fc.string({unit: 'grapheme', maxLength: 3}),
);

export const styledLine = fc.array(fc.oneof(sgr, text), {maxLength: 40}).map(parts => parts.join(''));
