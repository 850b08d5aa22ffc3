import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {stringWidthOf} from '../../src/present/text-clusters.js';
import {
	displayWidth,
	padToWidth,
	takeWholeClusters,
	takeWidth,
	truncateToWidth,
	wrapLines,
	wrapText,
} from '../../src/present/text-width.js';

const PROPERTY_RUNS = {seed: 17_042_025, numRuns: 200};
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

// Words from scripts of every width, with joiners and marks, to exercise grapheme handling.
const word = fc.oneof(
	fc.constantFrom(
		'a',
		'news',
		'https://example.com/a/long/path?with=query',
		'élan',
		'Привет',
		'日本語',
		'ニュース',
		'한국어',
		'👍',
		'👨\u200D👩\u200D👧',
		'🇦🇱',
		'e\u0301',
		'ক্ষ',
		'ไทย',
	),
	fc.string({minLength: 1, maxLength: 12, unit: 'grapheme'}).map(value => value.replace(/[\s\p{Cc}]/gu, 'x')),
);
const paragraph = fc.array(word, {maxLength: 30}).map(words => words.join(' '));
const text = fc.array(paragraph, {maxLength: 4}).map(paragraphs => paragraphs.join('\n'));

describe('displayWidth', () => {
	it.each([
		['ASCII', 'hello', 5],
		['CJK as two columns each', '日本語', 6],
		['an emoji as two columns', '👍', 2],
		['a ZWJ family as wide as a terminal without joining draws it', '👨\u200D👩\u200D👧', 6],
		['a skin tone as tmux draws it', '👍🏽', 4],
		['a Devanagari conjunct as two columns, as terminals draw it', 'क्ष', 2],
		['an emoji with a variation selector as two columns', '❤\uFE0F', 2],
		['a combining accent as nothing', 'e\u0301', 1],
		['a zero-width space as nothing', 'a\u200Bb', 2],
		['mixed scripts', 'Tokyo 東京 🇯🇵', 13],
	])('counts %s', (_name, input, expected) => {
		expect(displayWidth(input)).toBe(expected);
	});

	it('is never narrower than string-width, and for Ink measures exactly as string-width does, on long mixed text', () => {
		fc.assert(
			fc.property(text, input => {
				const long = `${input} ${input} ${input}`;
				expect(displayWidth(long)).toBeGreaterThanOrEqual(stringWidth(long));
				expect(stringWidthOf(long)).toBe(stringWidth(long));
			}),
			{...PROPERTY_RUNS, numRuns: 80},
		);
	});

	it('agrees with string-width on every symbol from U+2000 to U+28FF (braille too), alone and before a variation selector or mark', () => {
		for (let code = 0x2000; code <= 0x28ff; code++) {
			const symbol = String.fromCodePoint(code);
			for (const text of [symbol, `a${symbol}b`, `${symbol}\uFE0F`, `${symbol}\u0301`]) {
				expect([code.toString(16), displayWidth(text)]).toEqual([code.toString(16), stringWidth(text)]);
				expect([code.toString(16), stringWidthOf(text)]).toEqual([code.toString(16), stringWidth(text)]);
			}
		}
	});

	it('measures a line of 20,000 mixed words', () => {
		const line = Array.from({length: 20_000}, (_, index) => (index % 13 === 0 ? '日本語' : 'word')).join(' ');
		const expected = 20_000 * 5 - 1 + Math.ceil(20_000 / 13) * 2;
		expect(displayWidth(line)).toBe(expected);
	});
});

describe('takeWidth', () => {
	// Bylines and titles: mostly characters of one or two columns, now and then one that joins the
	// character before it or takes a lookup.
	const character = fc.oneof(
		{weight: 6, arbitrary: fc.constantFrom('a', 'Z', ' ', '·', 'é', 'Ж', '●', '…', '—', '日', '한', 'ｱ')},
		{weight: 1, arbitrary: fc.constantFrom('\u0301', '\u200D', '\uFE0F', '👍', '🏻', '🇦', 'ক্ষ', '\u00AD', '\u2028')},
	);
	const line = fc.array(character, {maxLength: 60}).map(characters => characters.join(''));

	// The shortcuts for plain text must agree with taking whole clusters one at a time.
	it('keeps whole clusters while they fit, as taking them one at a time does', () => {
		fc.assert(
			fc.property(line, fc.integer({min: 0, max: 70}), (input, width) => {
				expect(takeWidth(input, width)).toEqual(takeWholeClusters(input, width));
			}),
			{...PROPERTY_RUNS, numRuns: 1000},
		);
	});

	it('keeps a mark with the letter before it, where the cut falls between them', () => {
		expect(takeWidth('ab·e\u0301x', 4)).toEqual({head: 'ab·e\u0301', headWidth: 4});
		expect(takeWidth('ab·日x', 4)).toEqual({head: 'ab·', headWidth: 3});
	});
});

describe('truncateToWidth', () => {
	it('leaves text that fits alone', () => {
		expect(truncateToWidth('short', 5)).toBe('short');
	});

	it('cuts text that is too wide and ends it with an ellipsis', () => {
		expect(truncateToWidth('hello world', 8)).toBe('hello w…');
	});

	it('does not split a wide character', () => {
		expect(truncateToWidth('日本語日本語', 6)).toBe('日本…');
	});

	it('gives an empty string for no room at all', () => {
		expect(truncateToWidth('hello', 0)).toBe('');
		expect(truncateToWidth('hello', -3)).toBe('');
	});

	it('never goes over the width', () => {
		fc.assert(
			fc.property(paragraph, fc.integer({min: 1, max: 40}), (input, width) => {
				const result = truncateToWidth(input, width);
				expect(displayWidth(result)).toBeLessThanOrEqual(width);
				if (result !== input) expect(result.endsWith('…')).toBe(true);
			}),
			PROPERTY_RUNS,
		);
	});
});

describe('padToWidth', () => {
	it('pads with spaces to the width', () => {
		expect(padToWidth('日本', 6)).toBe('日本  ');
	});

	it('truncates to the width', () => {
		expect(padToWidth('abcdef', 4)).toBe('abc…');
	});

	it('always fills exactly the width', () => {
		fc.assert(
			fc.property(paragraph, fc.integer({min: 1, max: 40}), (input, width) => {
				expect(displayWidth(padToWidth(input, width))).toBe(width);
			}),
			PROPERTY_RUNS,
		);
	});
});

describe('wrapText', () => {
	it('breaks lines between words', () => {
		expect(wrapText('the quick brown fox jumps over the lazy dog', 10)).toEqual([
			'the quick',
			'brown fox',
			'jumps over',
			'the lazy',
			'dog',
		]);
	});

	it('keeps existing newlines and blank lines', () => {
		expect(wrapText('first\n\nsecond line here\n', 8)).toEqual(['first', '', 'second', 'line', 'here', '']);
	});

	it('hard-breaks a url longer than the width', () => {
		expect(wrapText('see https://example.com/path ok', 12)).toEqual(['see', 'https://exam', 'ple.com/path', 'ok']);
	});

	it('breaks CJK text without spaces between whole characters', () => {
		expect(wrapText('日本語のテキスト', 5)).toEqual(['日本', '語の', 'テキ', 'スト']);
	});

	it('wraps list items under their own text', () => {
		expect(wrapText('• a list item that wraps\n12. numbered item here', 12)).toEqual([
			'• a list',
			'  item that',
			'  wraps',
			'12. numbered',
			'    item',
			'    here',
		]);
	});

	it('keeps the indentation of indented lines', () => {
		expect(wrapText('  quoted text that wraps', 10)).toEqual(['  quoted', '  text', '  that', '  wraps']);
	});

	it('never returns a line wider than the width, and loses no words', () => {
		fc.assert(
			fc.property(text, fc.integer({min: 2, max: 50}), (input, width) => {
				const lines = wrapText(input, width);
				// Only a cluster wider than the whole line (a family emoji at width 2) stands alone.
				const oneCluster = (line: string) => Array.from(segmenter.segment(line.trim())).length === 1;
				for (const line of lines) if (!oneCluster(line)) expect(displayWidth(line)).toBeLessThanOrEqual(width);
				expect(lines.join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
			}),
			PROPERTY_RUNS,
		);
	});

	it('wraps a 20,000-word article into lines that all fit', () => {
		const article = Array.from({length: 20_000}, (_, index) => (index % 500 === 0 ? `https://example.com/${'x'.repeat(90)}` : 'word')).join(
			' ',
		);
		const lines = wrapText(article, 60);
		expect(lines.filter(line => displayWidth(line) > 60)).toEqual([]);
		expect(lines.join(' ').split(/\s+/).join('')).toBe(article.replace(/\s/g, ''));
	});
});

describe('text far longer than a screen', () => {
	it('wraps a 300,000-character word into 3,750 full lines', () => {
		const word = 'ab3+/'.repeat(60_000);
		const lines = wrapText(`see ${word} end`, 80);
		expect(lines).toHaveLength(3752);
		expect(lines[0]).toBe('see');
		expect(lines.slice(1, -1).every(line => line.length === 80)).toBe(true);
		expect(lines.slice(1, -1).join('')).toBe(word);
		expect(lines.at(-1)).toBe('end');
	});

	it('wraps a word of 50,000 emoji into lines of 40', () => {
		const lines = wrapText('😀'.repeat(50_000), 80);
		expect(lines).toHaveLength(1250);
		expect(new Set(lines)).toEqual(new Set(['😀'.repeat(40)]));
	});

	it('wraps a word of 30,000 Devanagari conjuncts without splitting one', () => {
		const lines = wrapText('क्ष'.repeat(30_000), 80);
		expect(lines).toHaveLength(750);
		expect(new Set(lines)).toEqual(new Set(['क्ष'.repeat(40)]));
	});

	it('makes only the lines asked for, and says when text was left over', () => {
		const title = 'A headline that goes on '.repeat(2_100_000);
		expect(title.length).toBeGreaterThan(50_000_000);
		const {lines, cut} = wrapLines(title, 80, 3);
		expect(lines).toEqual(wrapText(title.slice(0, 1000), 80).slice(0, 3));
		expect(cut).toBe(true);
		expect(wrapLines('one\ntwo\nthree', 80, 3)).toEqual({lines: ['one', 'two', 'three'], cut: false});
		expect(wrapLines('one\ntwo\nthree\n', 80, 3)).toEqual({lines: ['one', 'two', 'three'], cut: true});
	});

	it('cuts a 50 MB title to the width of a row', () => {
		const title = `${'Привет мир '.repeat(4_600_000)}`;
		expect(title.length).toBeGreaterThan(50_000_000);
		const row = truncateToWidth(title, 80);
		expect(row.endsWith('…')).toBe(true);
		expect(displayWidth(row)).toBe(80);
		expect(padToWidth(title, 40)).toHaveLength(40);
	});
});
