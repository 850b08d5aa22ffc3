// Runs flashnews's completion scripts in real shells: bash's completion function called as bash
// would call it, fish's `complete -C`, and an interactive zsh in tmux, typing Tab.
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {cliPath} from './tmux-session.js';

export function hasShell(shell: string): boolean {
	return spawnSync(shell, ['-c', 'exit 0'], {stdio: 'ignore'}).status === 0;
}

/** A folder holding a `flashnews` command that runs the built binary, to put first on PATH. */
export function binaryOnPath(dir: string): string {
	const bin = path.join(dir, 'bin');
	mkdirSync(bin, {recursive: true});
	const shim = path.join(bin, 'flashnews');
	writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${cliPath}' "$@"\n`);
	chmodSync(shim, 0o755);
	return bin;
}

export type ShellPlace = {cwd: string; env: Record<string, string>};

function quoted(word: string): string {
	return `'${word.replaceAll("'", "'\\''")}'`;
}

/** What bash offers for the last of `words` (the word being completed, '' for a new one). */
export function bashCompletions(script: string, words: string[], place: ShellPlace): string[] {
	const line = words.join(' ');
	const program = `${script}
COMP_WORDS=(${words.map(quoted).join(' ')})
COMP_CWORD=${words.length - 1}
COMP_LINE=${quoted(line)}
COMP_POINT=${line.length}
_flashnews flashnews ${quoted(words.at(-1)!)} ${quoted(words.at(-2)!)}
printf '%s\\n' "\${COMPREPLY[@]}"`;
	const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], {
		cwd: place.cwd,
		env: {...process.env, ...place.env},
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`bash failed: ${result.stderr}`);
	return result.stdout.split('\n').filter(Boolean).sort();
}

/** What fish offers at the end of `line`: the candidates, without their descriptions. */
export function fishCompletions(scriptFile: string, line: string, place: ShellPlace): string[] {
	const result = spawnSync('fish', ['--no-config', '-c', `source ${quoted(scriptFile)}; complete -C ${quoted(line)}`], {
		cwd: place.cwd,
		env: {...process.env, ...place.env},
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`fish failed: ${result.stderr}`);
	return result.stdout
		.split('\n')
		.filter(Boolean)
		.map(candidate => candidate.split('\t')[0]!)
		.sort();
}

export type ShellSession = {
	type(text: string): void;
	press(...keys: string[]): void;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
	kill(): void;
};

let sessions = 0;

/** An interactive shell in tmux (its own server), started as `argv` in `place`. */
export function startShell(argv: string[], place: ShellPlace): ShellSession {
	const socket = `flashnews-completion-${process.pid}-${++sessions}`;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
	const environment = Object.entries({TERM: 'xterm-256color', ...place.env}).map(([key, value]) => `${key}=${value}`);
	tmux('new-session', '-d', '-x', '120', '-y', '30', '-c', place.cwd, 'env', '-u', 'CI', ...environment, ...argv);
	const screen = () => tmux('capture-pane', '-p', '-J');
	return {
		type: text => void tmux('send-keys', '-l', text),
		press: (...keys) => void tmux('send-keys', ...keys),
		async waitFor(expected, timeoutMs = 10_000) {
			const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
			const deadline = Date.now() + timeoutMs;
			let last = '';
			while (Date.now() < deadline) {
				last = screen();
				if (matches(last)) return last;
				await new Promise(resolve => setTimeout(resolve, 50));
			}
			throw new Error(`the shell never showed ${String(expected)}; last screen:\n${last}`);
		},
		kill() {
			try {
				tmux('kill-server');
			} catch {}
		},
	};
}
