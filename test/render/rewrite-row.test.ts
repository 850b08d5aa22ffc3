// How the patched log-update rewrites a changed row: only the cells that changed
// (scripts/patches/ink-incremental-row.js, over the cells of ink-incremental-cells.js). Random pairs
// of similar lines go through it into a terminal emulator, which must then show what it shows for
// the new line written whole.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .js patch source without types
import {flashnewsLineCells} from '../../scripts/patches/ink-incremental-cells.js';
// @ts-expect-error: a plain .js patch source without types
import {flashnewsRewriteRow} from '../../scripts/patches/ink-incremental-row.js';
import inkStringWidth from '../../src/shims/ink-string-width.js';
import {createVirtualTerminal, fullRedraw} from './virtual-terminal.js';

type Cells = {width: number; uncertain: number; cells: Array<{text: string; column: number; width: number}>};
const cellsOf = (line: string) => flashnewsLineCells(line, inkStringWidth) as Cells | undefined;
const rewrite = (previous: string, next: string, columns: number): string =>
	flashnewsRewriteRow(cellsOf(previous), cellsOf(next), columns) as string;

const CSI = '\u001B[';
const link = (url: string, text: string) => `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;

/** The screen of a row that showed `previous` after the rewrite to `next`, and the screen of `next` written whole. */
async function play(previous: string, next: string, columns: number) {
	const terminal = createVirtualTerminal(columns, 2);
	terminal.write(`${previous}\r${rewrite(previous, next, columns)}`);
	await terminal.settled();
	const shown = terminal.screen();
	terminal.dispose();
	return {shown, expected: await fullRedraw(next, columns, 2), pendingWrapErases: terminal.pendingWrapErases};
}

describe('a line read as cells', () => {
	it('gives each character its columns, wide ones two', () => {
		const line = cellsOf(`a東${CSI}1m●${CSI}22m b`);
		expect(line?.cells.map(cell => [cell.text, cell.column, cell.width])).toEqual([
			['a', 0, 1],
			['東', 1, 2],
			['●', 3, 1],
			[' ', 4, 1],
			['b', 5, 1],
		]);
		expect(line?.width).toBe(6);
		expect(line?.uncertain).toBe(Number.POSITIVE_INFINITY);
	});

	it('marks where columns become uncertain: an emoji, or a mark joined to the character before it', () => {
		expect(cellsOf('ab📰c')?.uncertain).toBe(1);
		expect(cellsOf('abe\u0301c')?.cells.map(cell => cell.text)).toEqual(['a', 'b', 'e\u0301', 'c']);
		expect(cellsOf('abe\u0301c')?.uncertain).toBe(2);
	});

	it('is not read when it holds a sequence other than SGR and OSC 8, a control character or an SGR code it does not know', () => {
		for (const line of [`a${CSI}2Jb`, 'a\tb', `${CSI}21mx`, `${CSI}1:2mx`, `${CSI}38;5mx`]) expect(cellsOf(line)).toBeUndefined();
		expect(cellsOf(`${CSI}38;5;208;48:2::1:2:3;4:3mx`)).toBeDefined();
	});
});

describe('a changed row, rewritten', () => {
	it('moves over what did not change and writes the rest', () => {
		expect(rewrite('  article 5 of 1000', '  article 6 of 1000', 40)).toBe(`${CSI}10C6`);
		expect(rewrite(`${CSI}90mstatus 19 of 20${CSI}39m`, `${CSI}90mstatus 20 of 20${CSI}39m`, 40)).toBe(`${CSI}7C${CSI}90m20${CSI}m`);
	});

	it('erases what is left of a longer line, and only that', () => {
		expect(rewrite('headline number one', 'headline', 40)).toBe(`${CSI}8C${CSI}K`);
		expect(rewrite('abcdef', '', 40)).toBe(`${CSI}K`);
	});

	it('writes nothing when the lines differ only in styles a blank does not show', () => {
		expect(rewrite(`a${CSI}1m   ${CSI}22mb`, 'a   b', 40)).toBe('');
	});

	it('rewrites every cell whose style changes, as when the highlight leaves a row, with the blanks that show it', () => {
		// Blanks in bold look plain: the reset waits for the next letter.
		expect(rewrite(`${CSI}7m› one   two${CSI}27m`, `  ${CSI}1mone${CSI}22m   two`, 40)).toBe(`  ${CSI}1mone   ${CSI}mtwo`);
		expect(rewrite('  one   two', `${CSI}7m› one   two${CSI}27m`, 40)).toBe(`${CSI}7m› one   two${CSI}m`);
	});

	it('writes a wide character whole, and what it covered', () => {
		expect(rewrite('東京東京abc', '東京東x abc', 40)).toBe(`${CSI}6Cx `);
		expect(rewrite('abcdef東c', 'abcdefxyc', 40)).toBe(`${CSI}6Cxy`);
		expect(rewrite('abcdefxyc', 'abcdef東c', 40)).toBe(`${CSI}6C東`);
	});

	it('writes a few unchanged cells rather than move over them when that is shorter', () => {
		expect(rewrite('東京abc', '東x abc', 40)).toBe('東x ');
		expect(rewrite('ab-c-ef', 'AB-c-EF', 40)).toBe('AB-c-EF');
		expect(rewrite('ab-cd-ef', 'AB-cd-EF', 40)).toBe(`AB${CSI}4CEF`);
	});

	it('does not erase after the last column, where the cursor waits to wrap', () => {
		expect(rewrite('abcdefghij', 'abcdefghiJ', 10)).toBe(`${CSI}9CJ`);
		expect(rewrite(`${CSI}7m${'x'.repeat(9)}y${CSI}27m`, `${'x'.repeat(9)}z`, 10)).not.toContain(`${CSI}K`);
	});

	it('opens the link again around a change inside it', () => {
		expect(rewrite(link('https://a.example/', 'abcdefgh'), link('https://a.example/', 'abcdefgH'), 40)).toBe(
			`${CSI}7C\u001B]8;;https://a.example/\u0007H\u001B]8;;\u0007`,
		);
		expect(rewrite(`x${link('https://a.example/', 'abc')}`, `y${link('https://a.example/', 'abc')}`, 40)).toBe('y');
	});

	it('writes from before an emoji or a joined mark on, never moving over it', () => {
		const output = rewrite('a📰b c', 'a📰b d', 40);
		expect(output).toContain('a📰b d');
		expect(output).not.toMatch(/\u001B\[\d*C/);
		// Its columns may differ from the terminal's: the rest of the row is erased, as it is after a line written whole.
		expect(rewrite('abcdefe\u0301 one', 'abcdefe\u0301 two', 40)).toBe(`${CSI}6Ce\u0301 two${CSI}K`);
	});
});

// Pieces of text with every kind of cell: wide, ambiguous, emoji, joined marks, runs of blanks.
const TEXTS = ['word', 'abc', 'x', ' ', '   ', ' '.repeat(9), '東京', '漢', '●', '›★', '·', '📰', 'e\u0301', 'é', '👩‍💻', '🇫🇷'];
const STYLES = ['', '1', '2', '3', '4', '7', '9', '32', '90', '1;32', '38;5;208', '38;2;1;2;3', '44', '48;5;4', '7;1', '4:3'];
const segment = fc.record({
	text: fc.constantFrom(...TEXTS),
	style: fc.constantFrom(...STYLES),
	link: fc.constantFrom('', '', '', 'u1', 'u2'),
});
type Segment = {text: string; style: string; link: string};

function render(segments: Segment[]): string {
	return segments
		.map(({text, style, link: url}) => {
			const styled = style === '' ? text : `${CSI}${style}m${text}${CSI}${style.startsWith('7') ? '27;22' : '0'}m`;
			return url === '' ? styled : link(`https://news.example/${url}`, styled);
		})
		.join('');
}

/** Two lines with a common start and end: the middle changes, or only its styles do. */
const linePair = fc
	.record({
		columns: fc.integer({min: 8, max: 50}),
		before: fc.array(segment, {maxLength: 5}),
		middle: fc.array(segment, {maxLength: 4}),
		replaced: fc.array(segment, {maxLength: 4}),
		restyled: fc.boolean(),
		style: fc.constantFrom(...STYLES),
		after: fc.array(segment, {maxLength: 5}),
	})
	.map(({columns, before, middle, replaced, restyled, style, after}) => {
		const changed = restyled ? middle.map(part => ({...part, style})) : replaced;
		return {columns, previous: render([...before, ...middle, ...after]), next: render([...before, ...changed, ...after])};
	})
	.filter(({columns, previous, next}) => [previous, next].every(line => (cellsOf(line)?.width ?? columns + 1) <= columns));

describe('random rows, rewritten', () => {
	it('leave the row showing what the new line written whole shows, links included', async () => {
		await fc.assert(
			fc.asyncProperty(linePair, async ({columns, previous, next}) => {
				const {shown, expected, pendingWrapErases} = await play(previous, next, columns);
				expect(shown).toEqual(expected);
				expect(pendingWrapErases).toEqual([]);
			}),
			{numRuns: 400},
		);
	});
});
