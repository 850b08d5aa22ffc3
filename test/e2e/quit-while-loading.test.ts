import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hasTmux, removeDir, type TmuxSession, tempDir, terminalTestKit} from './tmux-session.js';

const {start, configDir} = terminalTestKit();

/** `count` feed files of about 600 KB each: together far more than is read before the interface starts. */
function manyFeeds(dir: string, count: number): string[] {
	mkdirSync(dir);
	const body = `<p>${'word '.repeat(120)}</p>`;
	return Array.from({length: count}, (_, feed) => {
		const articles = Array.from({length: 900}, (_, index) => ({
			id: `f${feed}-${index}`,
			title: `Story ${index} of feed ${feed}`,
			content: body,
		}));
		const file = path.join(dir, `${feed}.json`);
		writeFileSync(file, JSON.stringify({flashnews: 1, title: `Feed ${feed}`, articles}));
		return file;
	});
}

/** The reader's process: the one child of the pane's shell (Linux: /proc). */
function readerPid(app: TmuxSession): number {
	const shell = app.pid();
	return Number(readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(' ')[0]);
}

async function expectTerminalRestored(app: TmuxSession): Promise<void> {
	const after = await app.waitFor('AFTER-QUIT');
	expect(after).not.toContain('j/k move');
	expect(app.paneInfo('#{alternate_on}')).toBe('0');
	expect(app.paneInfo('#{cursor_flag}')).toBe('1');
}

describe.skipIf(!hasTmux() || process.platform !== 'linux')('ending the reader while hundreds of feeds load', () => {
	let shared: string;
	let files: string[];
	beforeAll(() => {
		shared = tempDir();
		files = manyFeeds(path.join(shared, 'f'), 120);
	});
	afterAll(() => removeDir(shared));

	it('shows the interface at once and quits on q, naming the feeds not loaded yet', async () => {
		const dir = configDir();
		const app = start(['--config-dir', dir, ...files], {thenPrint: 'AFTER-QUIT'});
		await app.waitFor(/\d+ of 120 feeds loaded/, 5000);
		app.press('q');
		await expectTerminalRestored(app);
		expect(app.screen()).toMatch(/f\/\d+\.json: still loading when the reader closed/);
	});

	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		it(`ends on ${signal} while loading and gives the terminal back`, async () => {
			const dir = configDir();
			const app = start(['--config-dir', dir, ...files], {thenPrint: 'AFTER-QUIT'});
			await app.waitFor(/\d+ of 120 feeds loaded/, 5000);
			process.kill(readerPid(app), signal);
			await expectTerminalRestored(app);
		});
	}

	it('ends on Ctrl-C while loading', async () => {
		const dir = configDir();
		const app = start(['--config-dir', dir, ...files], {thenPrint: 'AFTER-QUIT'});
		await app.waitFor(/\d+ of 120 feeds loaded/, 5000);
		app.press('C-c');
		await expectTerminalRestored(app);
	});
});
