import {afterEach, describe, expect, it} from 'vitest';
import {runCliAsync} from './cli-output.js';
import {bundledFeed, type FeedServer, startFeedServer} from './feed-server.js';
import {hasTmux, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();
let server: FeedServer | undefined;

afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** An RSS feed of `count` items titled `<prefix> story N`, newest first. */
function feed(title: string, prefix: string, count: number): string {
	const items = Array.from({length: count}, (_, index) => {
		const date = new Date(Date.UTC(2026, 10, 29, 12 - index)).toUTCString();
		return `<item><title>${prefix} story ${index + 1}</title><guid>${prefix}-${index + 1}</guid><pubDate>${date}</pubDate><description>Text of ${prefix} ${index + 1}</description></item>`;
	});
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${items.join('')}</channel></rss>`;
}

describe.skipIf(!hasTmux())('subscriptions in a real terminal', () => {
	it('refreshes two served feeds while keys are pressed, then reads the cached articles with the server gone', async () => {
		server = await startFeedServer();
		server.serve('/alpha.rss', feed('Alpha', 'Alpha', 3));
		server.serve('/beta.rss', bundledFeed('flash-news-bota.rss'));
		const dir = configDir();
		for (const path of ['/alpha.rss', '/beta.rss'])
			expect((await runCliAsync(['add', server.url(path), '--config-dir', dir])).status).toBe(0);

		// New articles on the server since the first fetch; the reader starts on its cached copies.
		server.serve('/alpha.rss', feed('Alpha', 'Alpha', 5));
		const app = start(['--config-dir', dir]);
		await app.waitFor('Alpha story 5');
		app.press('j', 'j', 'k');
		const screen = await app.waitFor(/› ?[●★ ]* ?Alpha story 2/);
		expect(screen).toMatch(/\d+ articles/);
		app.press('R');
		await app.waitFor(screen => !/feeds? (refreshed|loaded)…/.test(screen));
		app.press('q');
		await app.waitFor(() => !app.isRunning());

		await server.close();
		server = undefined;
		const offline = start(['--config-dir', dir, '--timeout', '2']);
		const cached = await offline.waitFor(screen => screen.includes('Alpha story 5') && !/feeds? (refreshed|loaded)…/.test(screen));
		expect(cached).toMatch(/showing the copy from \d+ min ago|connection refused/i);
		offline.press('G', 'Enter');
		await offline.waitFor(/article \d+ of \d+/);
		offline.press('Escape', 'q');
		await offline.waitFor(() => !offline.isRunning());
	});
});
