import {describe, expect, it} from 'vitest';
import {type ArticleJson, articlesJson, lineWith, runCli, titleStart} from './cli-output.js';
import {hasTmux, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();

describe.skipIf(!hasTmux())('state survives a crash', () => {
	it('keeps every read mark and bookmark made before the process was killed with SIGKILL', async () => {
		const dir = configDir();
		const bundled = articlesJson([]);
		const app = start(['--config-dir', dir]);
		await app.waitFor(`${bundled.length} articles`);

		// Mark the first four articles read, one key at a time, and bookmark the fifth.
		for (let index = 0; index < 4; index++) {
			app.press('m');
			await app.waitFor(`${bundled.length - index - 1} unread`);
			app.press('j');
			await app.waitFor(screen => lineWith(screen, titleStart(bundled[index + 1]!.title))?.startsWith('›') === true);
		}
		app.press('b');
		await app.waitFor('· 1 ★');

		process.kill(app.pid(), 'SIGKILL');
		await app.waitFor(() => !app.isRunning());

		const after = JSON.parse(runCli(['--json', '--config-dir', dir]).stdout) as ArticleJson[];
		expect(after.slice(0, 4).map(article => article.read)).toEqual([true, true, true, true]);
		expect(after.slice(4).filter(article => article.read)).toEqual([]);
		expect(after.filter(article => article.bookmarked).map(article => article.id)).toEqual([bundled[4]!.id]);
	});

	it('keeps the marks of two readers open at the same time', async () => {
		const dir = configDir();
		const bundled = articlesJson([]);
		const first = start(['--config-dir', dir]);
		const second = start(['--config-dir', dir]);
		await first.waitFor(`${bundled.length} articles`);
		await second.waitFor(`${bundled.length} articles`);

		first.press('b');
		await first.waitFor('· 1 ★');
		second.press('G');
		second.press('b');
		await second.waitFor('· 1 ★');
		first.press('q');
		second.press('q');
		await first.waitFor(() => !first.isRunning());
		await second.waitFor(() => !second.isRunning());

		const saved = JSON.parse(runCli(['bookmarks', '--json', '--config-dir', dir]).stdout) as ArticleJson[];
		expect(saved.map(article => article.id).sort()).toEqual([bundled[0]!.id, bundled.at(-1)!.id].sort());
	});
});
