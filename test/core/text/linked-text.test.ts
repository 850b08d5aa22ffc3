import {describe, expect, it} from 'vitest';
import {bodyToLinkedText} from '../../../src/core/text/linked-text.js';

const html = (value: string, base?: string) => bodyToLinkedText({format: 'html', value, ...(base === undefined ? {} : {base})});

describe('a body with its links numbered', () => {
	it('numbers each link after its text and lists the targets in order, made absolute', () => {
		const result = html(
			'<p>See <a href="/report">the report</a> and <a href="https://data.example/set">the data</a>.</p>',
			'https://news.example/a/',
		);
		expect(result.text).toBe('See the report [1] and the data [2].');
		expect(result.links).toEqual(['https://news.example/report', 'https://data.example/set']);
	});

	it('gives a link repeated in the text the number it had', () => {
		const result = html(
			'<a href="https://x.example/">one</a>, <a href="https://y.example/">two</a>, <a href="https://x.example/">one again</a>',
		);
		expect(result.text).toBe('one [1], two [2], one again [1]');
		expect(result.links).toEqual(['https://x.example/', 'https://y.example/']);
	});

	it('numbers a link with no text of its own, and skips anchors within the page', () => {
		const result = html('<p><a href="https://x.example/pic"><img src="a.png"></a> <a href="#top">back to top</a></p>');
		expect(result.text).toBe('[1] back to top');
		expect(result.links).toEqual(['https://x.example/pic']);
	});

	it('lists a javascript: or file: link as written, so the reader can refuse it by number', () => {
		const result = html(
			'<a href="javascript:alert(1)">click</a> <a href="file:///etc/passwd">file</a> <a href="mailto:ed@news.example">mail</a>',
		);
		expect(result.text).toBe('click [1] file [2] mail [3]');
		expect(result.links).toEqual(['javascript:alert(1)', 'file:///etc/passwd', 'mailto:ed@news.example']);
	});

	it('keeps no control characters in the text or the targets', () => {
		const result = html('<a href="https://x.example/&#27;]8;;evil&#7;">te&#27;[31mxt</a>');
		expect(result.text).not.toMatch(/[\u0000-\u001F]/);
		expect(result.links.join('')).not.toMatch(/[\u0000-\u001F]/);
	});

	it('has no links in a plain-text body', () => {
		expect(bodyToLinkedText({format: 'text', value: 'Visit https://x.example/ today.'})).toEqual({
			text: 'Visit https://x.example/ today.',
			links: [],
		});
	});
});
