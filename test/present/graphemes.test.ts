import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {graphemes, isOneUnitPerCluster} from '../../src/present/graphemes.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const segmented = (text: string) => Array.from(segmenter.segment(text), ({segment, index}) => ({segment, index}));

// Every UTF-16 unit the fast path accepts.
const accepted: string[] = [];
for (let unit = 0; unit < 0x10000; unit++) {
	const character = String.fromCharCode(unit);
	if (isOneUnitPerCluster(character)) accepted.push(character);
}
// Characters that join with a neighbour, or break the rule in other ways.
const joiners = [
	'\u0301',
	'\u200D',
	'\uFE0F',
	'\u0903',
	'\u0600',
	'\u1100',
	'\u1161',
	'\u11A8',
	'\r',
	'\n',
	'\u{1F1E6}',
	'\u{1F600}',
	'\u20E3',
	'\u3099',
	'\u30FC',
];

describe('isOneUnitPerCluster', () => {
	it('accepts the common scripts and symbols a news list shows', () => {
		expect(isOneUnitPerCluster('Kulturë — “Bota” · 3h ago … ● ★ › 北京 한국 Ａ')).toBe(true);
		expect(accepted.length).toBeGreaterThan(30_000);
	});

	it('rejects every joiner, mark, CR/LF, jamo and astral character tried', () => {
		for (const joiner of joiners) expect(isOneUnitPerCluster(`a${joiner}b`)).toBe(false);
	});

	it('holds for every accepted unit next to itself, a letter and a space (checked with Intl.Segmenter)', () => {
		for (const character of accepted) {
			for (const text of [character + character, `a${character}`, `${character}a`, ` ${character} `]) {
				expect(segmented(text).length).toBe(text.length);
			}
		}
	});

	it('holds for random strings of accepted units', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...accepted), {maxLength: 30}), units => {
				const text = units.join('');
				expect(segmented(text).length).toBe(text.length);
			}),
			{numRuns: 2000},
		);
	});
});

describe('graphemes', () => {
	it('gives what Intl.Segmenter gives, on either path', () => {
		const character = fc.oneof(fc.constantFrom(...accepted), fc.constantFrom(...joiners), fc.string({unit: 'grapheme', maxLength: 2}));
		fc.assert(
			fc.property(fc.array(character, {maxLength: 20}), parts => {
				const text = parts.join('');
				expect(Array.from(graphemes(text), ({segment, index}) => ({segment, index}))).toEqual(segmented(text));
			}),
			{numRuns: 2000},
		);
	});
});
