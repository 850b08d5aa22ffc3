// Takes the README's screens from the built reader in a real terminal: tmux on a private socket,
// a private empty state, a fixed clock, size, locale and time zone, so two runs a month apart give
// the same screens. Each screen is read twice from the pane: as plain text, and with its colours
// (capture-pane -e) for the picture.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {CLOCK, SCREENS, TERMINAL} from './screens.mjs';

export const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const cliPath = path.join(rootDir, 'dist', 'cli.js');

const POLL_MS = 40;
// A screen counts as drawn once it is unchanged over this many polls in a row: a frame still being
// written, or the loading spinner, changes between two of them.
const STEADY_POLLS = 3;
const STEP_TIMEOUT_MS = 15_000;

export function hasTmux() {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

/** The environment the reader runs in: nothing of the user's (state, colours, locale, clock). */
function readerEnvironment(home) {
	return {
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, 'config'),
		XDG_CACHE_HOME: path.join(home, 'cache'),
		TERM: 'xterm-256color',
		FORCE_COLOR: '3',
		LANG: 'C.UTF-8',
		TZ: 'UTC',
		FLASHNEWS_NOW: String(Date.parse(CLOCK) / 1000),
	};
}

/**
 * @param {{onStep?: (text: string) => void}} [options]
 * @returns {Promise<{name: string, alt: string, text: string, styled: string}[]>}
 */
export async function captureScreens(options = {}) {
	if (!existsSync(cliPath)) throw new Error(`${path.relative(process.cwd(), cliPath)} is missing: run npm run build first`);
	if (!hasTmux()) throw new Error('tmux is not installed: the screens are taken in a real terminal');
	const home = mkdtempSync(path.join(os.tmpdir(), 'flashnews-screens-'));
	mkdirSync(path.join(home, 'config'));
	mkdirSync(path.join(home, 'cache'));
	const configFile = path.join(home, 'tmux.conf');
	// Not the user's ~/.tmux.conf; the pane stays after a crash, so the error can show its screen.
	writeFileSync(configFile, 'set -g remain-on-exit on\n');
	const socket = `flashnews-screens-${process.pid}`;
	// tmux hands the server's environment to the pane: give it only what the reader should see.
	const tmuxEnvironment = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', TZ: 'UTC'};
	const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8', env: tmuxEnvironment});
	const assignments = Object.entries(readerEnvironment(home)).map(([key, value]) => `${key}=${value}`);
	try {
		tmux(
			'-f',
			configFile,
			'new-session',
			'-d',
			'-x',
			String(TERMINAL.columns),
			'-y',
			String(TERMINAL.rows),
			'env',
			'-i',
			...assignments,
			process.execPath,
			cliPath,
		);
		const shots = [];
		for (const screen of SCREENS) {
			for (const step of screen.steps) {
				if (step.keys !== undefined) tmux('send-keys', ...step.keys);
				for (const key of step.text ?? '') tmux('send-keys', '-l', key);
				options.onStep?.(`${screen.name}: ${step.describe}`);
				await waitForSteady(() => tmux('capture-pane', '-p'), step.until, `${screen.name}: ${step.describe}`);
			}
			const text = tmux('capture-pane', '-p');
			const styled = tmux('capture-pane', '-p', '-e');
			shots.push({name: screen.name, alt: screen.alt, text, styled});
		}
		return shots;
	} finally {
		try {
			const socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
			tmux('kill-server');
			rmSync(socketPath, {force: true});
		} catch {}
		rmSync(home, {recursive: true, force: true});
	}
}

async function waitForSteady(read, until, what) {
	const deadline = Date.now() + STEP_TIMEOUT_MS;
	let last = '';
	let steady = 0;
	while (Date.now() < deadline) {
		const screen = read();
		steady = screen === last && until(screen) ? steady + 1 : 0;
		last = screen;
		if (steady >= STEADY_POLLS) return;
		await new Promise(resolve => setTimeout(resolve, POLL_MS));
	}
	throw new Error(`screenshots: never reached "${what}"; the last screen was:\n${last}`);
}
