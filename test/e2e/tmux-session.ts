// Drives the built binary in a real pseudo-terminal through tmux: type with send-keys, read the
// screen with capture-pane. Each session gets its own tmux server socket, so tests never touch the
// user's tmux and can run in parallel.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach} from 'vitest';

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
	/** Pastes `text` as the terminal does: bracketed, if the app turned bracketed paste on. */
	paste(text: string): void;
	screen(): string;
	waitFor(predicate: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
	paneInfo(format: string): string;
	/** The screen with its colours and attributes as escape sequences (capture-pane -e). */
	styledScreen(): string;
	/** Names of tmux paste buffers (an OSC 52 clipboard write would create one). */
	buffers(): string[];
	/** The text of one paste buffer. */
	buffer(name: string): string;
	/** Appends everything the app writes from now on, escape sequences and all, to `file`. */
	recordOutput(file: string): void;
	resize(columns: number, rows: number): void;
	isRunning(): boolean;
	pid(): number;
	kill(): void;
};

let counter = 0;

export type SessionOptions = {
	columns?: number;
	rows?: number;
	env?: Record<string, string>;
	/** Printed by the shell after the app exits, to see the state the app left the terminal in; the shell then stays (a dead pane reports no cursor). */
	thenPrint?: string;
};

export function startSession(args: string[], options: SessionOptions = {}): TmuxSession {
	const socket = `flashnews-test-${process.pid}-${++counter}`;
	const tmux = (...tmuxArgs: string[]) => execFileSync('tmux', ['-L', socket, ...tmuxArgs], {encoding: 'utf8'});
	const environment = Object.entries({TERM: 'xterm-256color', ...options.env}).map(([key, value]) => `${key}=${value}`);
	// remain-on-exit keeps the pane (and its last screen) after the app quits; set-clipboard on
	// makes tmux accept OSC 52 clipboard writes, so a test can see whether an app sent one.
	const configDir = mkdtempSync(path.join(os.tmpdir(), 'flashnews-tmux-'));
	const configFile = path.join(configDir, 'tmux.conf');
	writeFileSync(configFile, 'set -g remain-on-exit on\nset -g set-clipboard on\nset -g allow-rename on\n');
	// `env -u CI`: Ink stays non-interactive when CI is set, and tmux passes the variable on.
	tmux(
		'-f',
		configFile,
		'new-session',
		'-d',
		'-x',
		String(options.columns ?? 100),
		'-y',
		String(options.rows ?? 30),
		...command(['env', '-u', 'CI', ...environment, process.execPath, cliPath, ...args], options.thenPrint),
	);

	const screen = () => tmux('capture-pane', '-p', '-J');
	/**
	 * The screen once it has stopped changing (two captures alike), still matching `test`: tmux may
	 * be caught with a frame half drawn, its lower rows still to come. A screen that keeps changing
	 * (a spinner) is given as last captured, after a short while.
	 */
	async function settled(matched: string, test: (text: string) => boolean): Promise<string> {
		let last = matched;
		for (let tries = 0; tries < 10; tries++) {
			await new Promise(resolve => setTimeout(resolve, 30));
			const next = screen();
			if (next === last) return next;
			if (!test(next)) return last;
			last = next;
		}
		return last;
	}
	const paneInfo = (format: string) => tmux('display-message', '-p', format).trim();

	return {
		press: (...keys) => void tmux('send-keys', ...keys),
		type: text => void tmux('send-keys', '-l', text),
		paste(text) {
			execFileSync('tmux', ['-L', socket, 'load-buffer', '-b', 'test-paste', '-'], {input: text});
			tmux('paste-buffer', '-p', '-d', '-b', 'test-paste');
		},
		screen,
		paneInfo,
		styledScreen: () => tmux('capture-pane', '-p', '-e', '-J'),
		buffers: () => tmux('list-buffers', '-F', '#{buffer_name}').split('\n').filter(Boolean),
		buffer: name => tmux('show-buffer', '-b', name),
		recordOutput: file => void tmux('pipe-pane', '-o', `cat >> '${file.replaceAll("'", "'\\''")}'`),
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
				if (test(last)) return await settled(last, test);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
			throw new Error(`screen never matched ${String(predicate)}; last screen:\n${last}`);
		},
		resize: (columns, rows) => void tmux('resize-window', '-x', String(columns), '-y', String(rows)),
		isRunning: () => paneInfo('#{pane_dead}') === '0',
		pid: () => Number(paneInfo('#{pane_pid}')),
		kill() {
			try {
				const socketPath = paneInfo('#{socket_path}');
				tmux('kill-server');
				rmSync(socketPath, {force: true});
			} catch {}
			rmSync(configDir, {recursive: true, force: true});
		},
	};
}

function command(argv: string[], thenPrint: string | undefined): string[] {
	if (thenPrint === undefined) return argv;
	const quoted = argv.map(arg => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
	return ['sh', '-c', `${quoted}; printf '%s\\n' '${thenPrint}'; exec sleep 600`];
}

export function removeDir(dir: string): void {
	rmSync(dir, {recursive: true, force: true});
}

/** Sessions and config dirs for one test file, all killed and removed after each test. */
export function terminalTestKit() {
	const sessions: TmuxSession[] = [];
	const dirs: string[] = [];
	afterEach(() => {
		for (const session of sessions.splice(0)) session.kill();
		for (const dir of dirs.splice(0)) removeDir(dir);
	});
	return {
		start(args: string[], options?: SessionOptions): TmuxSession {
			const session = startSession(args, options);
			sessions.push(session);
			return session;
		},
		configDir(): string {
			const dir = tempDir();
			dirs.push(dir);
			return dir;
		},
	};
}
