import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from './cli-output.js';
import {
	bashCompletions,
	binaryOnPath,
	fishCompletions,
	hasShell,
	type ShellPlace,
	type ShellSession,
	startShell,
} from './completion-shells.js';
import {hasTmux, tempDir} from './tmux-session.js';

const SUBSCRIPTIONS = ['https://example.org/world.rss', 'https://news.example/tech.atom'];
const COMMANDS = ['add', 'bookmarks', 'completion', 'export', 'feeds', 'import', 'remove'];

let root: string;
let place: ShellPlace;
let configDir: string;

beforeAll(() => {
	root = tempDir('flashnews-completion-');
	configDir = path.join(root, 'config');
	const urls = path.join(root, 'urls');
	writeFileSync(urls, `${SUBSCRIPTIONS.join('\n')}\n`);
	expect(runCli(['import', urls, '--config-dir', configDir]).status).toBe(0);
	const cwd = path.join(root, 'here');
	mkdirSync(path.join(cwd, 'saved feeds'), {recursive: true});
	writeFileSync(path.join(cwd, 'my feed.xml'), '<rss/>');
	writeFileSync(path.join(cwd, 'list.opml'), '<opml/>');
	place = {cwd, env: {PATH: `${binaryOnPath(root)}:${process.env.PATH}`, FLASHNEWS_CONFIG_DIR: configDir, HOME: root}};
});

afterAll(() => {
	rmSync(root, {recursive: true, force: true});
});

const scripts = new Map<string, string>();

function script(shell: string): string {
	if (!scripts.has(shell)) {
		const result = runCli(['completion', shell]);
		expect(result.status).toBe(0);
		scripts.set(shell, result.stdout);
	}
	return scripts.get(shell)!;
}

describe('flashnews feeds --urls', () => {
	it('prints the subscribed URLs, one a line, for the completion scripts', () => {
		expect(runCli(['feeds', '--urls', '--config-dir', configDir]).stdout).toBe(`${SUBSCRIPTIONS.join('\n')}\n`);
	});
});

describe('bash completion', () => {
	const complete = (...words: string[]) => bashCompletions(script('bash'), ['flashnews', ...words], place);

	it('offers the commands and the files where a command or SOURCE goes', () => {
		expect(complete('')).toEqual([...COMMANDS, 'list.opml', 'my feed.xml', 'saved feeds'].sort());
		expect(complete('re')).toEqual(['remove']);
	});

	it("offers each command's own options and the global ones", () => {
		expect(complete('add', '--')).toEqual(['--config-dir', '--debug', '--help', '--offline', '--timeout', '--title', '--version']);
		expect(complete('--')).toEqual(['--config-dir', '--debug', '--help', '--json', '--offline', '--plain', '--timeout', '--version']);
		expect(complete('feeds', '--j')).toEqual(['--json']);
	});

	it('offers the subscribed URLs, whole, for remove', () => {
		expect(complete('remove', '')).toEqual(SUBSCRIPTIONS);
		expect(complete('remove', 'https://news')).toEqual(['https://news.example/tech.atom']);
		expect(complete('remove', SUBSCRIPTIONS[0]!, '')).toEqual([]);
	});

	it('asks the --config-dir on the line for the subscriptions', () => {
		const elsewhere = {...place, env: {...place.env, FLASHNEWS_CONFIG_DIR: path.join(root, 'empty')}};
		expect(bashCompletions(script('bash'), ['flashnews', 'remove', ''], elsewhere)).toEqual([]);
		expect(bashCompletions(script('bash'), ['flashnews', '--config-dir', configDir, 'remove', ''], elsewhere)).toEqual(SUBSCRIPTIONS);
	});

	it('offers files for import and add, folders for --config-dir, shells for completion', () => {
		expect(complete('import', 'my')).toEqual(['my feed.xml']);
		expect(complete('add', 'l')).toEqual(['list.opml']);
		expect(complete('--config-dir', '')).toEqual(['saved feeds']);
		expect(complete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
		expect(complete('--timeout', '')).toEqual([]);
	});

	it('treats a word after a SOURCE as another SOURCE, not a command', () => {
		expect(complete('my feed.xml', 're')).toEqual([]);
	});
});

// fish and zsh are tested where they are installed (.ci/run installs them); elsewhere these skip.
describe.skipIf(!hasShell('fish'))('fish completion', () => {
	let scriptFile: string;
	beforeAll(() => {
		scriptFile = path.join(root, 'flashnews.fish');
		writeFileSync(scriptFile, script('fish'));
	});
	const complete = (line: string) => fishCompletions(scriptFile, line, place);

	it('offers the commands, options and files', () => {
		expect(complete('flashnews rem')).toEqual(['remove']);
		expect(complete('flashnews add --t')).toEqual(['--timeout', '--title']);
		expect(complete('flashnews import my')).toEqual(['my feed.xml']);
		expect(complete('flashnews completion ')).toEqual(['bash', 'fish', 'zsh']);
	});

	it('offers the subscribed URLs for remove', () => {
		expect(complete('flashnews remove ')).toEqual(SUBSCRIPTIONS);
		expect(complete(`flashnews remove ${SUBSCRIPTIONS[0]} `)).toEqual([]);
	});
});

describe.skipIf(!hasShell('zsh') || !hasTmux())('zsh completion', () => {
	let shell: ShellSession | undefined;
	afterAll(() => shell?.kill());

	it('completes commands, options, files and subscriptions as Tab is pressed', async () => {
		const zdotdir = path.join(root, 'zsh');
		mkdirSync(zdotdir, {recursive: true});
		writeFileSync(
			path.join(zdotdir, '.zshrc'),
			`PS1='zsh%% '\nautoload -Uz compinit\ncompinit -u -d ${zdotdir}/.zcompdump\neval "$(flashnews completion zsh)"\nprint ready\n`,
		);
		shell = startShell(['zsh', '-i'], {...place, env: {...place.env, ZDOTDIR: zdotdir}});
		await shell.waitFor(/ready\nzsh% $/m);
		shell.type('flashnews rem');
		shell.press('Tab');
		await shell.waitFor('zsh% flashnews remove ');
		shell.type('https://news');
		shell.press('Tab');
		await shell.waitFor(`zsh% flashnews remove ${SUBSCRIPTIONS[1]}`);
		shell.press('C-u');
		shell.type('flashnews import my');
		shell.press('Tab');
		await shell.waitFor('zsh% flashnews import my\\ feed.xml');
		shell.press('C-u');
		shell.type('flashnews add --off');
		shell.press('Tab');
		await shell.waitFor('zsh% flashnews add --offline');
		shell.press('C-u');
		shell.type('flashnews ');
		shell.press('Tab');
		await shell.waitFor('Unsubscribe from a feed');
	});
});
