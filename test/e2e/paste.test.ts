import {beforeAll, describe, expect, it} from 'vitest';
import {type ArticleJson, articlesJson, lineWith, titleStart} from './cli-output.js';
import {hasTmux, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();

let bundled: ArticleJson[];

beforeAll(() => {
	bundled = articlesJson([]);
});

describe.skipIf(!hasTmux())('pasting into the reader in a real terminal', () => {
	it('turns on bracketed paste, so 100 KB of pasted text toggles nothing and does not quit', async () => {
		const [, second] = bundled;
		const app = start(['--config-dir', configDir()]);
		const counts = `${bundled.length} articles · ${bundled.length} unread · 0 ★`;
		await app.waitFor(counts);

		app.paste('quick brown mammals jump over lazy dogs? back, more, quit!\n'.repeat(1700));
		// The first key after the paste still works: the paste was read past, not run.
		app.press('j');
		const after = await app.waitFor(screen => lineWith(screen, titleStart(second!.title))?.startsWith('›') === true);
		expect(app.isRunning()).toBe(true);
		expect(after).toContain(counts);
		expect(after).toContain('j/k move');
	});
});
