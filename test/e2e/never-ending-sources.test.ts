import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasTmux, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();

/** A feed over a megabyte, so it is read asynchronously (small ones are read before the interface starts). */
function largeFeed(file: string): void {
	const articles = Array.from({length: 1500}, (_, index) => ({
		id: `big-${index}`,
		title: `Arrived story ${index}`,
		content: 'word '.repeat(150),
	}));
	writeFileSync(file, JSON.stringify({flashnews: 1, title: 'Large', articles}));
}

describe.skipIf(!hasTmux() || process.platform === 'win32')('sources that never end', () => {
	it('loads a file beside five named pipes nobody writes to, quits at once and names the pipes', async () => {
		const dir = configDir();
		const pipes = [1, 2, 3, 4, 5].map(index => path.join(dir, `pipe-${index}`));
		for (const pipe of pipes) execFileSync('mkfifo', [pipe]);
		largeFeed(path.join(dir, 'large.json'));
		const app = start(['--config-dir', path.join(dir, 'config'), ...pipes, path.join(dir, 'large.json')], {thenPrint: 'AFTER-QUIT'});

		await app.waitFor('1500 articles');
		expect(app.screen()).toContain('Arrived story 0');
		app.press('q');
		const after = await app.waitFor('AFTER-QUIT', 5000);
		for (const pipe of pipes) expect(after).toContain(`flashnews: ${pipe}: still loading when the reader closed`);
	});
});
