// Drives the built binary in a real pseudo-terminal through tmux: type with send-keys, read the
// screen with capture-pane. Each session gets its own tmux server socket, so tests never touch the
// user's tmux and can run in parallel.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export function hasTmux(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

export function tempDir(prefix = 'flashnews-e2e-'): string {
	return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TmuxSession = {
	/** Keys in tmux send-keys syntax: 'j', 'Enter', 'Escape', 'Down', 'C-c'. */
	press(...keys: string[]): void;
	/** Literal text, sent as one write (like a paste). */
	type(text: string): void;
	screen(): string;
	waitFor(predicate: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
	paneInfo(format: string): string;
	resize(columns: number, rows: number): void;
	isRunning(): boolean;
	pid(): number;
	kill(): void;
};

let counter = 0;

export function startSession(args: string[], options: {columns?: number; rows?: number; env?: Record<string, string>} = {}): TmuxSession {
	const socket = `flashnews-test-${process.pid}-${++counter}`;
	const tmux = (...tmuxArgs: string[]) => execFileSync('tmux', ['-L', socket, ...tmuxArgs], {encoding: 'utf8'});
	const environment = Object.entries({TERM: 'xterm-256color', ...options.env}).map(([key, value]) => `${key}=${value}`);
	// `env -u CI`: Ink stays non-interactive when CI is set, and tmux passes the variable on.
	// remain-on-exit keeps the pane (and its last screen) after the app quits.
	tmux(
		'-f', '/dev/null', 'new-session', '-d', '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30),
		'env', '-u', 'CI', ...environment, process.execPath, cliPath, ...args,
	);
	tmux('set-option', '-g', 'remain-on-exit', 'on');

	const screen = () => tmux('capture-pane', '-p', '-J');
	const paneInfo = (format: string) => tmux('display-message', '-p', format).trim();

	return {
		press: (...keys) => void tmux('send-keys', ...keys),
		type: text => void tmux('send-keys', '-l', text),
		screen,
		paneInfo,
		async waitFor(predicate, timeoutMs = 10_000) {
			const test =
				typeof predicate === 'function'
					? predicate
					: typeof predicate === 'string'
						? (text: string) => text.includes(predicate)
						: (text: string) => predicate.test(text);
			const deadline = Date.now() + timeoutMs;
			let last = '';
			while (Date.now() < deadline) {
				last = screen();
				if (test(last)) return last;
				await new Promise(resolve => setTimeout(resolve, 50));
			}
			throw new Error(`screen never matched ${String(predicate)}; last screen:\n${last}`);
		},
		resize: (columns, rows) => void tmux('resize-window', '-x', String(columns), '-y', String(rows)),
		isRunning: () => paneInfo('#{pane_dead}') === '0',
		pid: () => Number(paneInfo('#{pane_pid}')),
		kill() {
			try {
				tmux('kill-server');
			} catch {}
		},
	};
}

export function removeDir(dir: string): void {
	rmSync(dir, {recursive: true, force: true});
}
