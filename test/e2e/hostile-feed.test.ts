import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasTmux, terminalTestKit} from './tmux-session.js';

const hostile = ['escape-sequences.json', 'raw-escape-bytes.rss'].map(name => path.resolve('test/fixtures/hostile', name));
const {start, configDir} = terminalTestKit();

describe.skipIf(!hasTmux())('a feed full of escape sequences in a real terminal', () => {
	it('shows the plain text and leaves the terminal title, colours, cursor, screen and clipboard as they were', async () => {
		const app = start(['--config-dir', configDir(), ...hostile], {thenPrint: 'AFTER-QUIT'});
		const titleBefore = app.paneInfo('#{pane_title}');

		const list = await app.waitFor('3 articles');
		expect(list).toContain('Plain words stay visible');
		expect(list).toContain('Second headline ok');
		expect(list).toContain('Raw byte headline here');
		expect(list).toContain('Mallory Smith');

		app.press('Enter');
		const detail = await app.waitFor('article 1 of 3');
		expect(detail).toContain('Body Click text cursor alt screen dcs');
		expect(detail).toContain('Second paragraph here');
		// The reader's own alternate screen; the feed's ESC[?1049h was removed, not obeyed.
		expect(app.paneInfo('#{alternate_on}')).toBe('1');

		app.press('Escape', 'q');
		const after = await app.waitFor('AFTER-QUIT');
		// Leaving the alternate screen gave the shell its screen back.
		expect(after).not.toContain('3 articles');
		expect(after).not.toMatch(/PWNED|RAW TITLE|cm0gLXJmIH4|ZWNobyBoaQ/);
		expect(app.paneInfo('#{pane_title}')).toBe(titleBefore);
		expect(app.paneInfo('#{cursor_flag}')).toBe('1');
		expect(app.paneInfo('#{alternate_on}')).toBe('0');
		expect(app.buffers()).toEqual([]);
		// The text printed after the app has default colours and no attribute: capture-pane -e only
		// spells out resets to the defaults (0, 39, 49) before it.
		const afterLine = app
			.styledScreen()
			.split('\n')
			.find(line => line.includes('AFTER-QUIT'));
		expect(afterLine?.replace(/\u001B\[(?:0|39|49)m/g, '')).toBe('AFTER-QUIT');
	});
});
