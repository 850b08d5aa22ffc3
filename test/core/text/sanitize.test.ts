import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitizeLine, sanitizeText} from '../../../src/core/text/sanitize.js';

const FORBIDDEN_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const FORBIDDEN_IN_TEXT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const PROPERTY_RUNS = {seed: 20_250_417, numRuns: 400};

// Strings built mostly from the characters escape sequences are made of, so the generator
// produces partial, nested and unterminated sequences far more often than uniform strings would.
const hostileChar = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.constantFrom(
			'\u001B',
			'[',
			']',
			';',
			'\u0007',
			'\\',
			'P',
			'_',
			'^',
			'X',
			'8',
			'0',
			'5',
			'2',
			'm',
			'a',
			' ',
			'\n',
			'\t',
			'\r',
		),
	},
	{weight: 2, arbitrary: fc.integer({min: 0, max: 0x1f}).map(code => String.fromCharCode(code))},
	{weight: 2, arbitrary: fc.integer({min: 0x7f, max: 0x9f}).map(code => String.fromCharCode(code))},
	{
		weight: 1,
		arbitrary: fc.constantFrom('\u202A', '\u202E', '\u2066', '\u2069', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u2028', '日', '👍'),
	},
	{weight: 1, arbitrary: fc.string({maxLength: 3, unit: 'binary'})},
);
const hostileString = fc.array(hostileChar, {maxLength: 60}).map(chars => chars.join(''));
const anyString = fc.oneof(hostileString, fc.string({maxLength: 80, unit: 'binary'}));

describe('sanitizeLine', () => {
	it.each([
		['a colour CSI sequence', '\u001B[31mred\u001B[0m', 'red'],
		['a CSI with private parameters and intermediates', 'a\u001B[?25h\u001B[1 qb', 'ab'],
		['an 8-bit CSI', '\u009B31mred\u009B0m', 'red'],
		['an OSC 8 hyperlink ended by BEL', 'a\u001B]8;;http://x\u0007link\u001B]8;;\u0007b', 'alinkb'],
		['an OSC 8 hyperlink ended by ST', 'a\u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\b', 'alinkb'],
		['an OSC 52 clipboard write', 'x\u001B]52;c;ZXZpbA==\u0007y', 'xy'],
		['an OSC 0 window title ended by 8-bit ST', 'x\u001B]0;pwned\u009Cy', 'xy'],
		['an 8-bit OSC ended by 8-bit ST', 'x\u009D0;title\u009Cy', 'xy'],
		['an 8-bit OSC 8 ended by BEL', 'a\u009D8;;http://x\u0007link\u009D8;;\u0007b', 'alinkb'],
		['a DCS string', 'x\u001BP1$r0m\u001B\\y', 'xy'],
		['an APC string', 'x\u001B_payload\u001B\\y', 'xy'],
		['a PM string', 'x\u001B^payload\u001B\\y', 'xy'],
		['a SOS string', 'x\u001BXpayload\u001B\\y', 'xy'],
		['a two-character escape (reset)', 'x\u001Bcy', 'xy'],
		['a charset designation', 'x\u001B(By', 'xy'],
		['an unterminated OSC, removed to the end', 'safe\u001B]0;never ends', 'safe'],
		['an unterminated DCS, removed to the end', 'safe\u001BPq#0;2;0;0;0', 'safe'],
		['a lone ESC at the end', 'text\u001B', 'text'],
		['a lone 8-bit OSC introducer', 'a\u009Db c', 'ab c'],
		['C0 controls, DEL and C1 controls', 'a\u0000b\u0007c\u007Fd\u0085e\u0090f', 'abcdef'],
		['bidi overrides and isolates', 'a\u202Eb\u202Ac\u2066d\u2069e', 'abcde'],
		['zero-width spaces, BOM and soft hyphens', '\uFEFFa\u200Bb\u00ADc\u2060d', 'abcd'],
		['tabs, newlines and CRLF as single spaces', ' a\tb\r\nc\n\n d ', 'a b c d'],
	])('removes %s', (_name, input, expected) => {
		expect(sanitizeLine(input)).toBe(expected);
	});

	it('keeps text that only looks like the inside of a sequence', () => {
		expect(sanitizeLine('[31m] array[0]; a\\b ^_^')).toBe('[31m] array[0]; a\\b ^_^');
	});

	it('keeps a zero-width joiner inside an emoji sequence', () => {
		expect(sanitizeLine('family 👨\u200D👩\u200D👧')).toBe('family 👨\u200D👩\u200D👧');
	});

	it('keeps UTF-8-read-as-Latin-1 text that happens to contain 8-bit introducers', () => {
		// "Øystein sagt „Hallo“" after a wrong decoding: SOS, PM and ST code points inside real words.
		const mojibake = 'Ã\u0098ystein sagt â\u0080\u009EHallo â\u0080\u009C und mehr';
		expect(sanitizeLine(mojibake)).toBe('Ãystein sagt âHallo â und mehr');
	});

	it('turns values that are not text into an empty string, and numbers into text', () => {
		expect(sanitizeLine(undefined)).toBe('');
		expect(sanitizeLine({toString: () => '\u001B[31m'})).toBe('');
		expect(sanitizeLine(42)).toBe('42');
	});

	it('leaves no control, C1 or bidi character in any input', () => {
		fc.assert(
			fc.property(anyString, input => {
				expect(sanitizeLine(input)).not.toMatch(FORBIDDEN_IN_LINE);
			}),
			PROPERTY_RUNS,
		);
	});

	it('gives the same result when applied twice', () => {
		fc.assert(
			fc.property(anyString, input => {
				const once = sanitizeLine(input);
				expect(sanitizeLine(once)).toBe(once);
			}),
			PROPERTY_RUNS,
		);
	});
});

describe('sanitizeText', () => {
	it('keeps newlines and turns CR, CRLF, form feeds and line separators into newlines', () => {
		expect(sanitizeText('a\r\nb\rc\fd\u2028e')).toBe('a\nb\nc\nd\ne');
	});

	it('turns tabs into four spaces', () => {
		expect(sanitizeText('a\tb')).toBe('a    b');
	});

	it('removes sequences that span lines without touching the lines around them', () => {
		expect(sanitizeText('one\n\u001B[1mtwo\u001B[22m\nthree\u001B]0;x\ny\u0007\nfour')).toBe('one\ntwo\nthree\nfour');
	});

	it('keeps spacing as it is', () => {
		expect(sanitizeText('  indented  \n\n\n  end ')).toBe('  indented  \n\n\n  end ');
	});

	it('leaves only newlines among the control characters of any input', () => {
		fc.assert(
			fc.property(anyString, input => {
				expect(sanitizeText(input)).not.toMatch(FORBIDDEN_IN_TEXT);
			}),
			PROPERTY_RUNS,
		);
	});

	it('gives the same result when applied twice', () => {
		fc.assert(
			fc.property(anyString, input => {
				const once = sanitizeText(input);
				expect(sanitizeText(once)).toBe(once);
			}),
			PROPERTY_RUNS,
		);
	});

	it('does not change printable ASCII text', () => {
		const printable = fc.string({unit: fc.integer({min: 0x20, max: 0x7e}).map(code => String.fromCharCode(code)), maxLength: 120});
		fc.assert(
			fc.property(printable, input => {
				expect(sanitizeText(input)).toBe(input);
			}),
			PROPERTY_RUNS,
		);
	});

	it('never throws, whatever it is given', () => {
		fc.assert(
			fc.property(fc.anything(), input => {
				expect(() => sanitizeText(input)).not.toThrow();
				expect(() => sanitizeLine(input)).not.toThrow();
			}),
			{...PROPERTY_RUNS, numRuns: 200},
		);
	});
});
