import {decodeHTML, decodeHTMLStrict} from 'entities';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {decodeHtmlLoose, decodeHtmlStrict} from '../../../src/core/text/html-entities.js';

// Texts made of the pieces character references are made of, so that most have near misses.
const piece = fc.constantFrom('&', '#', 'x', 'X', ';', ' ', 'a', 'amp', 'lt', 'eacute', 'copy', 'nbsp', '1', '233', 'e9', 'zz', '<', 'é');
const text = fc.array(piece, {maxLength: 24}).map(pieces => pieces.join(''));

describe('HTML character references, with entities loaded only when needed', () => {
	it('decodes strictly exactly as entities does, for any text', () => {
		fc.assert(
			fc.property(text, value => {
				expect(decodeHtmlStrict(value)).toBe(decodeHTMLStrict(value));
			}),
			{numRuns: 3000},
		);
	});

	it('decodes loosely exactly as entities does, for any text', () => {
		fc.assert(
			fc.property(text, value => {
				expect(decodeHtmlLoose(value)).toBe(decodeHTML(value));
			}),
			{numRuns: 1000},
		);
	});

	it('decodes named, decimal and hexadecimal references, and leaves a bare ampersand', () => {
		expect(decodeHtmlStrict('Caf&eacute; &#233; &#xE9; &amp; Trade & tariffs &copy 2024')).toBe('Café é é & Trade & tariffs &copy 2024');
		expect(decodeHtmlLoose('&copy 2024')).toBe('© 2024');
	});
});
