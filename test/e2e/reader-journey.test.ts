import {beforeAll, describe, expect, it} from 'vitest';
import {type ArticleJson, articlesJson, lineWith, runCli, titleStart} from './cli-output.js';
import {hasTmux, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();

let bundled: ArticleJson[];

beforeAll(() => {
	bundled = articlesJson([]);
});

describe.skipIf(!hasTmux())('the reader in a real terminal', () => {
	it('browses the bundled feeds, bookmarks an article and finds it again after a restart', async () => {
		const dir = configDir();
		const [first, second] = bundled;
		expect(second).toBeDefined();
		const app = start(['--config-dir', dir]);

		const list = await app.waitFor(`${bundled.length} articles · ${bundled.length} unread · 0 ★`);
		expect(lineWith(list, titleStart(first!.title))).toMatch(/^›●/);

		app.press('j');
		await app.waitFor(screen => lineWith(screen, titleStart(second!.title))?.startsWith('›') === true);

		app.press('Enter');
		const detail = await app.waitFor(`article 2 of ${bundled.length}`);
		expect(detail).toContain(second!.title.slice(0, 60));
		expect(detail).toContain(second!.content.split('\n')[0]!.slice(0, 40));

		app.press('b');
		app.press('Escape');
		const back = await app.waitFor(screen => screen.includes('j/k move'));
		expect(back).toContain(`${bundled.length - 1} unread · 1 ★`);
		expect(lineWith(back, titleStart(second!.title))).toMatch(/^› ★/);

		app.press('q');
		await app.waitFor(() => !app.isRunning());

		const again = start(['--config-dir', dir]);
		const restored = await again.waitFor(`${bundled.length - 1} unread · 1 ★`);
		expect(lineWith(restored, titleStart(second!.title))).toMatch(/^ {2}★/);
		expect(lineWith(restored, titleStart(first!.title))).toMatch(/^›● /);
		again.press('q');
		await again.waitFor(() => !again.isRunning());

		const saved = JSON.parse(runCli(['bookmarks', '--json', '--config-dir', dir]).stdout) as ArticleJson[];
		expect(saved.map(article => article.id)).toEqual([second!.id]);
		expect(saved[0]).toMatchObject({title: second!.title, read: true, bookmarked: true});
	});

	it('keeps its state in FLASHNEWS_CONFIG_DIR when no --config-dir is given', async () => {
		const dir = configDir();
		const app = start([], {env: {FLASHNEWS_CONFIG_DIR: dir}});
		await app.waitFor(`${bundled.length} articles`);
		app.press('b');
		await app.waitFor('· 1 ★');
		app.press('q');
		await app.waitFor(() => !app.isRunning());
		const saved = JSON.parse(runCli(['bookmarks', '--json'], {FLASHNEWS_CONFIG_DIR: dir}).stdout) as ArticleJson[];
		expect(saved.map(article => article.id)).toEqual([bundled[0]!.id]);
	});

	it('acts on a fast burst of keys in order: "jj" then Enter opens the third article', async () => {
		const app = start(['--config-dir', configDir()]);
		await app.waitFor(`${bundled.length} articles`);
		app.type('jj\r');
		const detail = await app.waitFor(`article 3 of ${bundled.length}`);
		expect(detail).toContain(bundled[2]!.title.slice(0, 60));
	});

	it('takes "fjj" then Enter in one burst: opens the picker, moves twice, filters by that feed', async () => {
		const app = start(['--config-dir', configDir()]);
		await app.waitFor(`${bundled.length} articles`);
		app.type('fjj\r');
		const filtered = await app.waitFor(screen => !screen.includes('Show which articles?') && !screen.startsWith('4 feeds'));
		const feeds = [...new Set(bundled.map(article => article.feed))].sort((a, b) => a.localeCompare(b));
		// The choices: all feeds, then each feed by name; two down lands on the second feed.
		const chosen = feeds[1]!;
		const count = bundled.filter(article => article.feed === chosen).length;
		expect(filtered.split('\n')[0]).toMatch(new RegExp(`^${chosen}\\s.*\\b${count} articles`));
	});

	it('scrolls a long article and returns to the same headline', async () => {
		const longest = bundled.reduce((best, article, index) => (article.content.length > bundled[best]!.content.length ? index : best), 0);
		const app = start(['--config-dir', configDir()], {columns: 80, rows: 24});
		await app.waitFor(`${bundled.length} articles`);
		for (let i = 0; i < longest; i++) app.press('j');
		app.press('Enter');
		const top = await app.waitFor(`article ${longest + 1} of`);
		expect(top).toMatch(/lines 1–\d+ of \d+/);
		app.press('G');
		await app.waitFor(/lines \d+–(\d+) of \1 \(100%\)/);
		app.press('g');
		await app.waitFor(/lines 1–\d+ of \d+/);
		app.press('h');
		const list = await app.waitFor(screen => screen.includes('j/k move'));
		expect(lineWith(list, titleStart(bundled[longest]!.title, 20))).toMatch(/^› /);
	});

	it('follows the terminal when it is resized, never drawing past the new width', async () => {
		const app = start(['--config-dir', configDir()], {columns: 100, rows: 30});
		await app.waitFor(`${bundled.length} articles`);
		app.resize(50, 20);
		const narrow = await app.waitFor(screen => screen.split('\n').filter(line => line.includes('●')).length === 16);
		for (const line of narrow.split('\n')) expect([...line].length).toBeLessThanOrEqual(50);
		app.resize(120, 40);
		await app.waitFor(screen => screen.split('\n').some(line => line.length > 100 && line.includes('●')));
	});

	it('shows the help overlay from the key table and closes it again', async () => {
		const app = start(['--config-dir', configDir()]);
		await app.waitFor(`${bundled.length} articles`);
		app.press('?');
		const help = await app.waitFor('Bookmark or unbookmark');
		expect(help).toContain('Next unread article');
		app.press('Escape');
		await app.waitFor(screen => !screen.includes('Bookmark or unbookmark') && screen.includes('●'));
	});
});
