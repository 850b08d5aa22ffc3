import {execFileSync, spawn, spawnSync} from 'node:child_process';
import type {ArticleJson} from '../../src/present/article-json.js';
import {cliPath} from './tmux-session.js';

export type {ArticleJson} from '../../src/present/article-json.js';

/** Runs the built binary without a terminal and returns what it printed. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}) {
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		encoding: 'utf8',
		env: {...process.env, ...env},
		maxBuffer: 256 * 1024 * 1024,
	});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

export function articlesJson(args: string[]): ArticleJson[] {
	return JSON.parse(
		execFileSync(process.execPath, [cliPath, '--json', ...args], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024}),
	) as ArticleJson[];
}

/** The first words of a title: enough to find its row, short enough to survive truncation. */
export function titleStart(title: string, length = 24): string {
	return title.slice(0, length);
}

/** The screen line that holds `text`, or undefined. */
export function lineWith(screen: string, text: string): string | undefined {
	return screen.split('\n').find(line => line.includes(text));
}

/** As runCli, without blocking the test's own event loop (so a server in the test can answer). */
export function runCliAsync(
	args: string[],
	env: Record<string, string | undefined> = {},
): Promise<{stdout: string; stderr: string; status: number | null}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [cliPath, ...args], {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
		child.on('close', status => resolve({stdout, stderr, status}));
	});
}
