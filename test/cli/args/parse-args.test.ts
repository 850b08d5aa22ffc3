import {describe, expect, it} from 'vitest';
import {COMMAND_WORDS, VISIBLE_OPTIONS} from '../../../src/cli/args/command-table.js';
import {helpText} from '../../../src/cli/args/help-text.js';
import {parseArgs, UsageError} from '../../../src/cli/args/parse-args.js';

const noFiles = () => false;

function refusal(argv: string[], exists: (path: string) => boolean = noFiles): UsageError {
	try {
		parseArgs(argv, exists);
	} catch (error) {
		if (error instanceof UsageError) return error;
		throw error;
	}
	throw new Error(`${argv.join(' ')} was accepted`);
}

describe('a mistyped command', () => {
	it.each([
		['ad', 'add'],
		['remvoe', 'remove'],
		['feed', 'feeds'],
		['book', 'bookmarks'],
		['compleiton', 'completion'],
	])('%s is refused with a hint at %s', (typed, meant) => {
		const error = refusal([typed, 'https://example.org/feed.xml']);
		expect(error.message).toBe(`unknown command ${typed}`);
		expect(error.hint).toBe(`did you mean ${meant}?`);
	});

	it('is read as a SOURCE when a file of that name exists', () => {
		const parsed = parseArgs(['ad'], path => path === 'ad');
		expect(parsed).toMatchObject({command: 'read', args: ['ad']});
	});

	it('names the commands when nothing is close', () => {
		const error = refusal(['frobnicate']);
		expect(error.message).toBe('frobnicate is neither a command nor a file');
		expect(error.hint).toBe(`commands: ${COMMAND_WORDS.join(', ')}`);
	});

	it('leaves words that look like paths or URLs to be read as sources', () => {
		for (const source of ['feed.xml', './ad', 'https://example.org/ad', '-', 'Feeds']) {
			expect(parseArgs([source], noFiles)).toMatchObject({command: 'read', args: [source]});
		}
	});
});

describe('a mistyped option', () => {
	it.each([
		['--jsno', '--json'],
		['--plian', '--plain'],
		['--config', '--config-dir'],
		['--verison', '--version'],
		['-V', '-v'],
		['-p', '--plain'],
	])('%s is refused with a hint at %s', (typed, meant) => {
		const error = refusal([typed]);
		expect(error.message).toBe(`unknown option ${typed}`);
		expect(error.hint).toBe(`did you mean ${meant}?`);
	});

	it('points to --help when nothing is close', () => {
		expect(refusal(['--frobnicate']).hint).toBe('see flashnews --help');
	});
});

describe('flashnews completion', () => {
	it('takes one of the three shells', () => {
		expect(parseArgs(['completion', 'zsh'], noFiles)).toEqual({completion: 'zsh'});
		expect(refusal(['completion', 'ksh']).message).toBe('no completion for ksh: choose one of bash, zsh, fish');
		expect(refusal(['completion']).message).toBe('flashnews completion needs SHELL');
	});
});

describe('hidden plumbing', () => {
	it('accepts feeds --urls but keeps it out of --help', () => {
		expect(parseArgs(['feeds', '--urls'], noFiles)).toMatchObject({command: 'feeds', urls: true});
		expect(refusal(['--urls']).message).toBe('flashnews takes no --urls');
		expect(helpText('')).not.toContain('--urls');
		expect(VISIBLE_OPTIONS.map(option => option.name)).not.toContain('urls');
	});
});
