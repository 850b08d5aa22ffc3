// Runs a program in a real pseudo-terminal (node-pty) and times what it draws: when a marker first
// appears, how long a keypress takes to produce a frame, how long a quit takes.
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import xterm from '@xterm/headless';
import pty from 'node-pty';

export const COLUMNS = 100;
export const ROWS = 30;

const live = new Set();

// CSI / OSC / two-byte escapes: enough to turn Ink's output into the text it shows.
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;

export function stripAnsi(text) {
	return text.replace(ANSI, '');
}

/** The environment of an interactive terminal: no CI variables (Ink would not draw), a known TERM. */
export function terminalEnv(extra = {}) {
	const env = {...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...extra};
	for (const name of Object.keys(env)) {
		if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) delete env[name];
	}
	return env;
}

function matches(text, marker) {
	return typeof marker === 'string' ? text.includes(marker) : marker.test(text);
}

/**
 * Starts `file args` in a pty. All times are milliseconds from performance.now(); `startedAt` is
 * taken just before the spawn.
 */
export function launch(file, args, {cwd = process.cwd(), env = terminalEnv(), cols = COLUMNS, rows = ROWS} = {}) {
	const startedAt = performance.now();
	const child = pty.spawn(file, args, {name: 'xterm-256color', cols, rows, cwd, env});
	live.add(child);

	let raw = '';
	let lastDataAt = startedAt;
	let exited = null;
	const listeners = new Set();
	const notify = () => {
		for (const listener of [...listeners]) listener();
	};

	// Each piece of output and when it came, for waitForScreen to play in order.
	const chunks = [];
	child.onData(data => {
		lastDataAt = performance.now();
		raw += data;
		chunks.push({data, at: lastDataAt});
		notify();
	});
	const exit = new Promise(resolve => {
		child.onExit(({exitCode, signal}) => {
			exited = {at: performance.now(), exitCode, signal};
			live.delete(child);
			notify();
			resolve(exited);
		});
	});

	/** Resolves when `check()` returns a value other than undefined; rejects after timeoutMs. */
	function until(check, timeoutMs, what) {
		return new Promise((resolve, reject) => {
			const finish = (error, value) => {
				listeners.delete(onChange);
				clearTimeout(timer);
				if (error) reject(error);
				else resolve(value);
			};
			const onChange = () => {
				let value;
				try {
					value = check();
				} catch (error) {
					finish(error);
					return;
				}
				if (value !== undefined) finish(null, value);
			};
			const timer = setTimeout(
				() =>
					finish(
						new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen tail: ${JSON.stringify(stripAnsi(raw).slice(-300))}`),
					),
				timeoutMs,
			);
			listeners.add(onChange);
			onChange();
		});
	}

	const session = {
		pid: child.pid,
		startedAt,
		exit,
		get output() {
			return raw;
		},
		get text() {
			return stripAnsi(raw);
		},
		get exited() {
			return exited;
		},
		/** performance.now() of the last output received (startedAt before any). */
		get lastDataAt() {
			return lastDataAt;
		},
		write(data) {
			child.write(data);
		},
		/** Milliseconds from launch until the stripped output contains `marker`. */
		waitForText(marker, timeoutMs = 60_000) {
			return until(
				() => {
					if (matches(stripAnsi(raw), marker)) return lastDataAt - startedAt;
					if (exited)
						throw new Error(
							`exited (code ${exited.exitCode}) before showing ${marker}; output: ${JSON.stringify(stripAnsi(raw).slice(-400))}`,
						);
					return undefined;
				},
				timeoutMs,
				String(marker),
			);
		},
		/**
		 * Milliseconds from launch until the screen shows `marker` (a string or RegExp) on one of its
		 * rows: the arrival of the output that put it there. Unlike waitForText it plays the output,
		 * as it came, in a terminal emulator: a frame that rewrites only the cells that changed never
		 * writes a changed row whole.
		 */
		async waitForScreen(marker, timeoutMs = 60_000) {
			const terminal = new xterm.Terminal({cols, rows, allowProposedApi: true});
			const shows = () => {
				const {viewportY} = terminal.buffer.active;
				for (let row = 0; row < rows; row++) {
					if (matches(terminal.buffer.active.getLine(viewportY + row)?.translateToString(true) ?? '', marker)) return true;
				}
				return false;
			};
			let played = 0;
			try {
				const deadline = performance.now() + timeoutMs;
				for (;;) {
					for (; played < chunks.length; played++) {
						const {data, at} = chunks[played];
						await new Promise(resolve => terminal.write(data, resolve));
						if (shows()) return at - startedAt;
					}
					if (exited) throw new Error(`exited (code ${exited.exitCode}) before showing ${marker}`);
					const left = deadline - performance.now();
					if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${marker} on screen`);
					await new Promise(resolve => {
						const wake = () => {
							listeners.delete(wake);
							clearTimeout(timer);
							resolve();
						};
						const timer = setTimeout(wake, left);
						listeners.add(wake);
					});
				}
			} finally {
				terminal.dispose();
			}
		},
		/** Waits until nothing has been drawn for `quietMs`. */
		async waitQuiet(quietMs, timeoutMs = 10_000) {
			const deadline = performance.now() + timeoutMs;
			while (performance.now() < deadline) {
				const idle = performance.now() - lastDataAt;
				if (idle >= quietMs) return;
				await sleep(quietMs - idle + 1);
			}
			throw new Error(`output did not go quiet for ${quietMs} ms within ${timeoutMs} ms`);
		},
		/**
		 * Writes `keys` and resolves with the milliseconds until the last byte of the frame they caused
		 * (output that started after the write and then stayed quiet for `quietMs`); null if nothing came.
		 */
		async timeKeypress(keys, {quietMs = 15, timeoutMs = 3000} = {}) {
			const before = raw.length;
			const writtenAt = performance.now();
			child.write(keys);
			try {
				await until(() => (raw.length > before ? true : exited ? false : undefined), timeoutMs, `a frame after ${JSON.stringify(keys)}`);
			} catch {
				return null;
			}
			if (raw.length === before) return null;
			await this.waitQuiet(quietMs, timeoutMs);
			return lastDataAt - writtenAt;
		},
		/** Peak resident set size in KB so far (VmHWM), or NaN once the process is gone. */
		peakRssKb() {
			try {
				const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
				const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
				return match ? Number(match[1]) : Number.NaN;
			} catch {
				return Number.NaN;
			}
		},
		/** Milliseconds from the write of `keys` until the process exits, or null after timeoutMs. */
		async timeQuit(keys = 'q', timeoutMs = 5000) {
			if (exited) return 0;
			const writtenAt = performance.now();
			child.write(keys);
			const result = await Promise.race([exit, sleep(timeoutMs).then(() => null)]);
			return result ? result.at - writtenAt : null;
		},
		/** Quits with `q`, and kills the process if it has not gone after timeoutMs. */
		async close(timeoutMs = 3000) {
			if (exited) return;
			const took = await session.timeQuit('q', timeoutMs);
			if (took === null) session.kill();
		},
		kill() {
			if (exited) return;
			try {
				child.kill('SIGKILL');
			} catch {
				// Already gone.
			}
		},
	};
	return session;
}

/** Milliseconds from spawn until the process exits (for `node -e 0`). */
export async function timeUntilExit(file, args, options) {
	const session = launch(file, args, options);
	const result = await Promise.race([session.exit, sleep(30_000).then(() => null)]);
	if (!result) {
		session.kill();
		throw new Error(`${file} ${args.join(' ')} did not exit within 30 s`);
	}
	return result.at - session.startedAt;
}

export function killAllSessions() {
	for (const child of live) {
		try {
			child.kill('SIGKILL');
		} catch {
			// Already gone.
		}
	}
	live.clear();
}

export function sleep(ms) {
	return new Promise(resolve => setTimeout(resolve, ms));
}
