import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {LINKS_HEADING} from '../../src/ui/detail/detail-lines.js';
import type {LinkHandlers} from '../../src/ui/links/link-handlers.js';
import {fakeSource, makeArticle, okResult} from './helpers/articles.js';
import {eventually, KEYS, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

const body = '<p>Read <a href="https://news.example/report">the report</a> or <a href="javascript:alert(1)">claim a prize</a>.</p>';
const article = makeArticle(1, {content: {format: 'html', value: body}});

function recordingLinks(openResult: string | null = null) {
	const opened: string[] = [];
	const copied: string[] = [];
	const links: LinkHandlers = {
		async open(url) {
			opened.push(url);
			return openResult;
		},
		copy: text => void copied.push(text),
	};
	return {links, opened, copied};
}

const OSC8 = /\u001B\]8;;([^\u0007]*)\u0007/g;

describe('links in the reader', () => {
	it('numbers the links in the text and lists them at the end, marking the one that will not open', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))]);
		await press(app.stdin, KEYS.enter);
		await eventually(app.frame).toContain('Read the report [1] or claim a prize [2].');
		expect(app.frame()).toContain(LINKS_HEADING);
		expect(app.lines()).toContain('[1] https://news.example/report');
		expect(app.lines()).toContain('[2] javascript:alert(1) (will not open)');
	});

	it("opens the selected article's link with o and keeps running", async () => {
		const {links, opened} = recordingLinks();
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))], {links});
		await press(app.stdin, 'o');
		await eventually(app.statusLine).toBe('opening https://news.example/1');
		expect(opened).toEqual(['https://news.example/1']);
		await press(app.stdin, 'j');
		await eventually(app.statusLine).toBe('');
	});

	it('opens a numbered link with its number then o, and refuses a javascript: one', async () => {
		const {links, opened} = recordingLinks();
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))], {links});
		await press(app.stdin, KEYS.enter, '1', 'o');
		await eventually(() => opened).toEqual(['https://news.example/report']);
		await press(app.stdin, '2', 'o');
		await eventually(app.statusLine).toBe('refused link 2: a javascript: link (only http, https and mailto links open)');
		expect(opened).toEqual(['https://news.example/report']);
	});

	it('shows why the browser did not start', async () => {
		const {links} = recordingLinks('could not start a browser (tried nobrowser); set BROWSER');
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))], {links});
		await press(app.stdin, 'o');
		await eventually(app.statusLine).toBe('could not start a browser (tried nobrowser); set BROWSER');
	});

	it('copies the link with y and says the terminal must allow it', async () => {
		const {links, copied} = recordingLinks();
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))], {links});
		await press(app.stdin, 'y');
		await eventually(app.statusLine).toBe('link copied (if your terminal allows OSC 52)');
		expect(copied).toEqual(['https://news.example/1']);
	});

	it('draws openable links as OSC 8 hyperlinks when asked to, and never the refused one', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))], {hyperlinks: true});
		await press(app.stdin, KEYS.enter);
		await eventually(app.frame).toContain(LINKS_HEADING);
		const targets = [...(app.lastFrame() ?? '').matchAll(OSC8)].map(match => match[1]).filter(Boolean);
		expect(targets).toEqual(['https://news.example/1', 'https://news.example/report']);
		// The label stays outside the link and lines keep their width.
		expect(app.frame().replace(OSC8, '').split('\n')).toContain('[1] https://news.example/report');
	});

	it('draws no hyperlinks by default', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', [article]))]);
		await press(app.stdin, KEYS.enter);
		await eventually(app.frame).toContain(LINKS_HEADING);
		expect(app.lastFrame()).not.toContain('\u001B]8;');
	});
});
