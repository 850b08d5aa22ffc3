import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {COMMANDS, ENVIRONMENT, EXIT_CODES, VISIBLE_OPTIONS} from '../../src/cli/args/command-table.js';
import {manPage} from '../../src/cli/args/man-page.js';
import {repoRoot} from './patched-bundle.js';

const hasGroff = spawnSync('groff', ['-v'], {stdio: 'ignore'}).status === 0;

/** The page as man shows it, in plain text. */
function rendered(source: string): {text: string; warnings: string} {
	const result = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-rLL=300n', '-rHY=0', '-P', '-cbou'], {input: source, encoding: 'utf8'});
	return {text: result.stdout, warnings: result.stderr};
}

describe('the man page', () => {
	const page = manPage({version: '9.8.7', description: 'A fast, keyboard-driven news reader for the terminal'});

	it('is ASCII roff, with a title line naming the version', () => {
		expect(page).toMatch(/^\.TH FLASHNEWS 1 "" "flashnews 9\.8\.7" "User Commands"\n/);
		expect(page).toMatch(/^[\x00-\x7F]*$/);
	});

	it.skipIf(!hasGroff)('renders without a warning and lists every command, option, variable and exit status', () => {
		const {text, warnings} = rendered(page);
		expect(warnings).toBe('');
		const flat = text.replace(/\s+/g, ' ');
		for (const command of COMMANDS) expect(flat).toContain(`flashnews ${command.usage}`);
		for (const option of VISIBLE_OPTIONS) expect(flat).toContain(`--${option.name}`);
		for (const [variable] of ENVIRONMENT) expect(flat).toContain(variable);
		for (const [code, meaning] of EXIT_CODES) expect(flat).toContain(`${code} ${meaning}`);
		expect(flat).not.toContain('--urls');
		expect(flat).toMatch(/⏎ → l Open the article/);
	});

	it.skipIf(!hasGroff)('is built into dist/ as package.json says', () => {
		const built = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', path.join(repoRoot, 'dist', 'flashnews.1')], {encoding: 'utf8'});
		expect(built.status).toBe(0);
		expect(built.stderr).toBe('');
	});
});
