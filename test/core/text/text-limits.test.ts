import {describe, expect, it} from 'vitest';
import {bodyToText, inlineHtmlToText} from '../../../src/core/text/html-text.js';
import {MAX_BODY_CHARS, MAX_LINE_FIELD_CHARS} from '../../../src/core/text/text-limits.js';

const html = (value: string): string => bodyToText({format: 'html', value});
const text = (value: string): string => bodyToText({format: 'text', value});

describe('how much of a body is converted', () => {
	it('cuts an HTML body after a whole paragraph and says how much was left out', () => {
		const paragraph = '<p>Once more the council met to discuss the harbour.</p>';
		const body = paragraph.repeat(Math.ceil((3 * MAX_BODY_CHARS) / paragraph.length));
		const lines = html(body).split('\n');
		expect(lines.at(-1)).toMatch(/^… more: \d+ thousand characters of this article left out \(too long to show\)$/);
		// Every paragraph shown is whole.
		expect(new Set(lines.slice(0, -2).filter(Boolean))).toEqual(new Set(['Once more the council met to discuss the harbour.']));
		expect(lines.length).toBeLessThan(MAX_BODY_CHARS / 20);
	});

	it('cuts a plain-text body between words', () => {
		const lines = text('harbour '.repeat(MAX_BODY_CHARS)).split('\n');
		expect(lines[0]!.split(' ').every(word => word === 'harbour')).toBe(true);
		expect(lines.at(-1)).toBe('… more: 2,100 thousand characters of this article left out (too long to show)');
	});

	it('leaves a body under the limit whole, with no note', () => {
		const body = 'word '.repeat(MAX_BODY_CHARS / 5 - 1);
		expect(text(body)).toBe(body.trimEnd());
	});

	it('shows markup nested deeper than 32 levels as plain paragraphs, losing no text', () => {
		const body = `${'<blockquote><p>level</p>'.repeat(400)}${'</blockquote>'.repeat(400)}`;
		expect(html(body)).toBe(Array.from({length: 400}, () => 'level').join('\n'));
	});

	it('still lays out 30 levels of nesting, and paragraphs and list items that were never closed', () => {
		expect(html(`${'<blockquote>'.repeat(30)}<p>deep${'</blockquote>'.repeat(30)}`)).toBe(`${' '.repeat(60)}deep`);
		expect(
			html(`<ul>${'<li>item'.repeat(500)}</ul>${'<p>para'.repeat(500)}`)
				.split('\n')
				.filter(Boolean),
		).toHaveLength(1000);
	});

	it('shows a table of 5,000 rows a row a line instead of as a grid', () => {
		const rows = Array.from({length: 5000}, (_, index) => `<tr><td>${index}</td><td>cell ${index}</td><td>x</td></tr>`).join('');
		const lines = html(`<table>${rows}</table>`).split('\n');
		expect(lines.slice(0, 3)).toEqual(['0 · cell 0 · x', '1 · cell 1 · x', '2 · cell 2 · x']);
		expect(lines.at(-1)).toBe('4999 · cell 4999 · x');
	});
});

describe('how much of a one-line field is kept', () => {
	it('cuts a 50 MB title to a few thousand characters ending in …', () => {
		const title = 'Council &amp; harbour '.repeat(2_300_000);
		expect(title.length).toBeGreaterThan(50_000_000);
		const kept = inlineHtmlToText(title);
		expect(kept).toHaveLength(MAX_LINE_FIELD_CHARS);
		expect(kept.startsWith('Council & harbour Council & harbour')).toBe(true);
		expect(kept.endsWith('…')).toBe(true);
	});

	it('never splits an emoji where it cuts', () => {
		const kept = inlineHtmlToText('😀'.repeat(MAX_LINE_FIELD_CHARS));
		expect(kept.endsWith('😀…')).toBe(true);
		expect(kept).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
	});
});
