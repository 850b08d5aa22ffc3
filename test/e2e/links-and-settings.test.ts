import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from './cli-output.js';
import {hasTmux, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();

const ARTICLE_LINK = 'https://news.example/ferry?a=1&b=2';
const REPORT_LINK = 'https://news.example/report(2025)+final,v2';

/**
 * A feed of our own making whose links try what hostile feeds try: shell syntax that would create
 * `marker` if anything passed it through a shell, and a javascript: link.
 */
function linkFeed(dir: string, marker: string): string {
	const hostile = `https://x/$(touch$IFS${marker});touch$IFS${marker}`;
	const file = path.join(dir, 'links.rss');
	writeFileSync(
		file,
		`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Link Test</title><link>https://news.example/</link>
<item><title>Ferry timetable changes for the winter</title><link>${ARTICLE_LINK.replace('&', '&amp;')}</link>
<pubDate>Mon, 14 Apr 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Read <a href="${REPORT_LINK}">the report</a>, <a href="${hostile}">the archive</a> and <a href="javascript:alert(1)">claim a prize</a>.</p>]]></content:encoded>
</item>
</channel></rss>
`,
	);
	return file;
}

/** A stand-in browser that writes each argument on a line of `calls`, then an end line. */
function recorderBrowser(dir: string): {script: string; calls: string} {
	const script = path.join(dir, 'browser');
	const calls = path.join(dir, 'calls');
	writeFileSync(script, `#!/bin/sh\n{ for arg in "$@"; do printf '%s\\n' "$arg"; done; echo '--end--'; } >> '${calls}'\n`);
	chmodSync(script, 0o755);
	return {script, calls};
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

async function until(check: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

describe.skipIf(!hasTmux())('links in a real terminal', () => {
	it('opens links with BROWSER, one argument each and never through a shell, and refuses a javascript: link', async () => {
		const dir = configDir();
		const marker = path.join(dir, 'shell-ran');
		const {script, calls} = recorderBrowser(dir);
		const app = start(['--config-dir', dir, linkFeed(dir, marker)], {env: {BROWSER: `/nonexistent/browser:${script} %s`}});
		await app.waitFor('1 article · 1 unread');

		app.press('o');
		await until(() => read(calls).includes('--end--'), 'the browser to be started');
		expect(read(calls)).toBe(`${ARTICLE_LINK}\n--end--\n`);
		await app.waitFor(`opening ${ARTICLE_LINK}`);

		app.press('Enter');
		await app.waitFor('Links (type a number');
		app.press('2', 'o');
		await until(() => read(calls).split('--end--').length === 3, 'the second browser start');
		expect(read(calls).split('--end--\n')[1]).toBe(`https://x/$(touch$IFS${marker});touch$IFS${marker}\n`);
		expect(existsSync(marker)).toBe(false);

		app.press('3', 'o');
		const refused = await app.waitFor('refused link 3: a javascript: link (only http, https and mailto links open)');
		expect(refused).toContain('[3] javascript:alert(1) (will not open)');
		expect(read(calls).split('--end--').length).toBe(3);
		expect(app.isRunning()).toBe(true);
	});

	it('draws the links as OSC 8 hyperlinks without disturbing the screen, and copies one with OSC 52', async () => {
		const dir = configDir();
		const output = path.join(dir, 'output');
		const app = start(['--config-dir', dir, linkFeed(dir, path.join(dir, 'unused'))]);
		await app.waitFor('1 article · 1 unread');
		app.recordOutput(output);
		app.press('Enter');
		const screen = await app.waitFor('Links (type a number');
		expect(screen).toContain(`[1] ${REPORT_LINK}`);
		expect(screen).not.toContain('8;;');
		await until(() => read(output).includes(`\u001B]8;;${REPORT_LINK}\u0007`), 'the hyperlink to be written');
		expect(read(output)).not.toContain('\u001B]8;;javascript:');

		app.press('1', 'y');
		await app.waitFor('link 1 copied (if your terminal allows OSC 52)');
		await until(() => app.buffers().length > 0, 'the clipboard write');
		expect(app.buffer(app.buffers()[0]!)).toBe(REPORT_LINK);
	});

	it('writes no hyperlinks when FLASHNEWS_HYPERLINKS=0', async () => {
		const dir = configDir();
		const output = path.join(dir, 'output');
		const app = start(['--config-dir', dir, linkFeed(dir, path.join(dir, 'unused'))], {env: {FLASHNEWS_HYPERLINKS: '0'}});
		await app.waitFor('1 article · 1 unread');
		app.recordOutput(output);
		app.press('Enter');
		await app.waitFor('Links (type a number');
		await until(() => read(output).includes('Links (type a number'), 'the article to be written');
		expect(read(output)).not.toContain('\u001B]8;');
	});
});

const EVERY_MISTAKE = `[keys]
help = "H"
fly = "x"
moveDown = ["j", "ctrl-x"]
copyLink = "q"

[theme]
base = "light"
link = "blurple"
shadow = "black"

[colours]
link = "blue"
`;

describe.skipIf(!hasTmux())('the config file in a real terminal', () => {
	it('starts cleanly with a config that has every kind of mistake, shows its messages and uses what is right', async () => {
		const dir = configDir();
		writeFileSync(path.join(dir, 'config.toml'), EVERY_MISTAKE);
		const app = start(['--config-dir', dir], {thenPrint: 'reader closed'});
		const first = await app.waitFor('6 mistakes in config.toml, all listed when the reader closes;  config.toml line 12');
		expect(first).toMatch(/\d+ articles/);

		app.press('H');
		await app.waitFor('Keys (any key closes this help)');
		app.press('Escape');
		await app.waitFor(screen => !screen.includes('Keys (any key closes this help)'));
		app.press('q');
		const after = await app.waitFor('reader closed');
		for (const message of [
			'flashnews: config.toml line 12: unknown setting "colours"',
			'flashnews: config.toml line 3: "fly" is not a command',
			'flashnews: config.toml line 4: moveDown: "ctrl-x" is not a key',
			'flashnews: config.toml line 5: copyLink: q is also the key of quit; copyLink keeps y',
			'flashnews: config.toml line 9: theme link: "blurple" is not a colour',
			'flashnews: config.toml line 10: "shadow" is not a colour role',
		]) {
			expect(after).toContain(message);
		}
	});

	it("names the user's help key in --help", () => {
		const dir = configDir();
		writeFileSync(path.join(dir, 'config.toml'), '[keys]\nhelp = "H"\n');
		const {stdout, stderr, status} = runCli(['--help', '--config-dir', dir]);
		expect(status).toBe(0);
		expect(stdout).toContain('Keys: press H inside the reader');
		expect(stderr).toBe('');
		expect(runCli(['--help', '--config-dir', configDir()]).stdout).toContain('Keys: press ? inside the reader');
	});
});
