import {describe, expect, it} from 'vitest';
import {clipboardSequence, hyperlink, hyperlinksEnabled} from '../../src/present/terminal-links.js';
import inkStringWidth from '../../src/shims/ink-string-width.js';

describe('hyperlinks', () => {
	it('wraps text in an OSC 8 link ended by BEL, the form Ink keeps', () => {
		expect(hyperlink('https://x.example/a', 'the story')).toBe('\u001B]8;;https://x.example/a\u0007the story\u001B]8;;\u0007');
	});

	it('leaves the text alone when the URL is not printable ASCII', () => {
		expect(hyperlink('https://x.example/\u001B]0;title\u0007', 'text')).toBe('text');
		expect(hyperlink('https://x.example/a b', 'text')).toBe('text');
	});

	it('adds nothing to the width Ink measures, whatever characters the URL has', () => {
		const url = "https://x.example/$(a)+b,c!*'~;d=e";
		expect(inkStringWidth(hyperlink(url, 'twelve chars'))).toBe(12);
		expect(inkStringWidth(`\u001B[34m${hyperlink(url, '新闻 news')}\u001B[39m`)).toBe(9);
	});

	it('is on for ordinary terminals, off for the Linux console and dumb ones', () => {
		expect(hyperlinksEnabled({TERM: 'xterm-256color'})).toBe(true);
		expect(hyperlinksEnabled({TERM: 'tmux-256color'})).toBe(true);
		expect(hyperlinksEnabled({TERM: 'linux'})).toBe(false);
		expect(hyperlinksEnabled({TERM: 'dumb'})).toBe(false);
		expect(hyperlinksEnabled({})).toBe(false);
	});

	it('follows FLASHNEWS_HYPERLINKS over the terminal type', () => {
		expect(hyperlinksEnabled({TERM: 'xterm-256color', FLASHNEWS_HYPERLINKS: '0'})).toBe(false);
		expect(hyperlinksEnabled({TERM: 'xterm-256color', FLASHNEWS_HYPERLINKS: 'off'})).toBe(false);
		expect(hyperlinksEnabled({TERM: 'linux', FLASHNEWS_HYPERLINKS: '1'})).toBe(true);
	});
});

describe('the clipboard', () => {
	it('writes OSC 52 with the text in base64, for the system clipboard', () => {
		expect(clipboardSequence('https://x.example/ü')).toBe(`\u001B]52;c;${Buffer.from('https://x.example/ü').toString('base64')}\u001B\\`);
		expect(Buffer.from(clipboardSequence('a;b\u0007c').slice(7, -2), 'base64').toString()).toBe('a;b\u0007c');
	});
});
