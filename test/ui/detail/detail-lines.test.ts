import {describe, expect, it} from 'vitest';
import {createDetailLayout, MAX_TEXT_LINES, MAX_TITLE_LINES} from '../../../src/ui/detail/detail-lines.js';
import {makeArticle} from '../helpers/articles.js';

describe('laying out an article', () => {
	it('shows the first lines of a title longer than a screen, then says there is more', () => {
		const article = makeArticle(1, {title: `${'A headline that never ends '.repeat(2_000_000)}`});
		const lines = createDetailLayout(80)(article);
		const title = lines.filter(line => line.style === 'detailTitle');
		expect(title).toHaveLength(MAX_TITLE_LINES);
		expect(lines[MAX_TITLE_LINES]).toEqual({text: '… more (too long to show)', style: 'detailMeta'});
		expect(lines.at(-1)).toEqual({text: 'Body of article 1.', style: 'plain'});
	});

	it('lays out text longer than a book up to a limit, then says there is more', () => {
		const article = makeArticle(1, {content: {format: 'text', value: 'line\n'.repeat(2 * MAX_TEXT_LINES)}});
		const lines = createDetailLayout(80)(article);
		expect(lines.filter(line => line.text === 'line')).toHaveLength(MAX_TEXT_LINES);
		expect(lines.at(-1)).toEqual({text: '… more (too long to show)', style: 'detailMeta'});
	});

	it('breaks a 300,000-character word into lines of the full width', () => {
		const word = 'x'.repeat(300_000);
		const lines = createDetailLayout(80)(makeArticle(1, {content: {format: 'text', value: word}}));
		const text = lines.filter(line => line.style === 'plain' && line.text !== '');
		expect(text).toHaveLength(3750);
		expect(text.every(line => line.text.length === 80)).toBe(true);
	});
});
