// How the patched log-update writes a changed line in fewer bytes (scripts/patches/
// ink-incremental-lines.js); log-update-patch.test.ts checks the screens that result.
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .js patch source without types
import {flashnewsCompactLine} from '../../scripts/patches/ink-incremental-lines.js';

const compact = flashnewsCompactLine as (line: string) => {output: string; erased: boolean};
const ESC = '\u001B[';
const spaces = (count: number) => ' '.repeat(count);

describe('a changed line, compacted', () => {
	it('skips a run of plain spaces with one erase to the end of the line and a cursor movement', () => {
		expect(compact(`left${spaces(20)}middle${spaces(9)}right`)).toEqual({
			output: `left${ESC}K${ESC}20Cmiddle${ESC}9Cright`,
			erased: true,
		});
	});

	it('writes short runs, and lines without a long run, as they are', () => {
		expect(compact(`a${spaces(7)}b`)).toEqual({output: `a${spaces(7)}b`, erased: false});
	});

	it('skips spaces whose colour or weight does not show, as after bold or a grey foreground', () => {
		expect(compact(`${ESC}1mtitle${ESC}22m${spaces(10)}${ESC}90mmeta${ESC}39m`).output).toBe(
			`${ESC}1mtitle${ESC}22m${ESC}K${ESC}10C${ESC}90mmeta${ESC}39m`,
		);
		expect(compact(`${ESC}38;2;1;2;3mq${spaces(9)}z`).output).toBe(`${ESC}38;2;1;2;3mq${ESC}K${ESC}9Cz`);
	});

	it('writes spaces that show: inverse, a background, an underline, strikethrough, inside a link', () => {
		for (const [on, off] of [
			['7', '27'],
			['44', '49'],
			['48;5;12', '49'],
			['4', '24'],
			['9', '29'],
		]) {
			const line = `${ESC}${on}mx${spaces(10)}y${ESC}${off}m`;
			expect(compact(line).output).toBe(line);
		}
		const link = `\u001B]8;;https://news.example/\u0007a${spaces(10)}b\u001B]8;;\u0007`;
		expect(compact(link).output).toBe(link);
	});

	it('skips spaces again once the style that showed is turned off or reset', () => {
		expect(compact(`${ESC}7mx${ESC}27m${spaces(10)}y`).output).toBe(`${ESC}7mx${ESC}27m${ESC}K${ESC}10Cy`);
		expect(compact(`${ESC}44mx${ESC}0m${spaces(10)}y`).output).toBe(`${ESC}44mx${ESC}0m${ESC}K${ESC}10Cy`);
	});

	it('writes spaces as they are after a sequence it does not know, until a reset', () => {
		const line = `${ESC}?25lx${spaces(10)}y`;
		expect(compact(line).output).toBe(line);
		expect(compact(`${ESC}73mx${spaces(10)}y${ESC}0m${spaces(10)}z`).output).toBe(`${ESC}73mx${spaces(10)}y${ESC}0m${ESC}K${ESC}10Cz`);
	});

	it('merges consecutive SGR sequences into one', () => {
		expect(compact(`${ESC}32m${ESC}1m●${ESC}22m${ESC}33m ${ESC}39m`).output).toBe(`${ESC}32;1m●${ESC}22;33m ${ESC}39m`);
		expect(compact(`${ESC}m${ESC}1mx`).output).toBe(`${ESC}0;1mx`);
	});
});
