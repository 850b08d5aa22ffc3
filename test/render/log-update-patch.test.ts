// Ink's log-update, which writes each frame, bundled with and without the patch of its incremental
// mode (scripts/patches/ink-incremental.mjs). Random sequences of frames go through it into a
// terminal emulator; after each, the screen must be the one a full redraw of that frame shows.
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {stripVTControlCharacters} from 'node:util';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import inkStringWidth from '../../src/shims/ink-string-width.js';
import {bundle, makeTempDir} from '../build/patched-bundle.js';
import {leaveFirstPaint, PAINT_PREFIX} from './first-paint-slot.js';
import {createVirtualTerminal, fullRedraw} from './virtual-terminal.js';

type Log = ((text: string) => boolean) & {done(): void};
type Kit = {logUpdate: {create(stream: object, options: {incremental?: boolean}): Log}};

const CSI = '\u001B[';
const logUpdateModule = fileURLToPath(new URL('../../node_modules/ink/build/log-update.js', import.meta.url));
const entry = `export {default as logUpdate} from ${JSON.stringify(logUpdateModule)};`;
let outDir = '';
let original: Kit;
let patched: Kit;
let applied: string[] = [];

beforeAll(async () => {
	outDir = makeTempDir('flashnews-log-update-');
	const bundled = await bundle<Kit>(outDir, 'patched', entry, {patched: true});
	patched = bundled.exports;
	applied = bundled.applied;
	original = (await bundle<Kit>(outDir, 'original', entry, {patched: false})).exports;
});

afterAll(() => {
	fs.rmSync(outDir, {recursive: true, force: true});
});

/** Lines of every kind a frame has: empty, styled, wide characters, padded, as wide as the terminal. */
function linePool(columns: number): string[] {
	const lines = [
		'',
		'abc',
		'\u001B[1mbold\u001B[22m and plain',
		'x'.repeat(columns),
		`\u001B[7m${'selected'.padEnd(columns)}\u001B[27m`,
		'漢字'.repeat(Math.floor(columns / 4)),
		`left${' '.repeat(columns - 9)}right`,
		`a${' '.repeat(10)}\u001B[90mb\u001B[39m`,
		`\u001B[48;5;4mbg${' '.repeat(10)}x\u001B[49m`,
		`\u001B[4munder${' '.repeat(9)}line\u001B[24m`,
		`\u001B]8;;https://news.example/\u0007a link${' '.repeat(9)}x\u001B]8;;\u0007`,
		// Lines close to others above, so that rows change by a few cells.
		'abd',
		`\u001B[1mbold\u001B[22m and plain too`,
		`\u001B[7m${'selected'.padEnd(columns - 1)}!\u001B[27m`,
		`${' '.repeat(columns - 5)}right`,
		`see \u001B]8;;https://news.example/\u0007a link\u001B]8;;\u0007 here`,
		`see \u001B]8;;https://news.example/2\u0007a link\u001B]8;;\u0007 here`,
		// Columns a terminal may count otherwise: emoji, a flag, a mark joined to its letter.
		'📰 news 🇫🇷 x',
		'📰 news 🇫🇷 y',
		`cafe\u0301 ${'x'.repeat(columns - 8)}`,
	];
	return lines.filter(line => stripVTControlCharacters(line).length <= columns);
}

const session = fc.record({columns: fc.integer({min: 14, max: 40}), rows: fc.integer({min: 3, max: 10})}).chain(({columns, rows}) =>
	fc.record({
		columns: fc.constant(columns),
		rows: fc.constant(rows),
		frames: fc.array(
			fc.record({
				height: fc.integer({min: 1, max: rows}),
				picks: fc.array(fc.nat(linePool(columns).length - 1), {minLength: rows, maxLength: rows}),
			}),
			{minLength: 1, maxLength: 10},
		),
	}),
);

/** A frame as Ink hands it to log-update: one as tall as the terminal has no newline at its end. */
function frameText(columns: number, rows: number, {height, picks}: {height: number; picks: number[]}): string {
	const pool = linePool(columns);
	const text = picks
		.slice(0, height)
		.map(pick => pool[pick])
		.join('\n');
	return height >= rows ? text : `${text}\n`;
}

const TITLES = ['Union voters teacher water treaty', '東京の天気は晴れ', '📰 Breaking: markets 📈 rally', 'Cafe\u0301 crème', 'Short'];

/** `text` cut to at most `width` columns. */
function fitWidth(text: string, width: number): string {
	let fitted = '';
	for (const character of text) {
		if (inkStringWidth(fitted + character) > width) break;
		fitted += character;
	}
	return fitted;
}

/**
 * A frame of a list as the reader draws one: a header, rows of a title and a byline flush right
 * (the selected one inverse over the whole width), a status line.
 */
function listFrame(columns: number, rows: number, {top, selected}: {top: number; selected: number}): string {
	const lines = ['\u001B[1mHeader\u001B[22m'];
	for (let item = top; item < top + rows - 3; item++) {
		const byline = `Feed ${item % 3} · ${item}h`;
		const title = fitWidth(`${TITLES[item % TITLES.length]} (${item})`, columns - 5 - inkStringWidth(byline));
		const gap = ' '.repeat(Math.max(0, columns - 4 - inkStringWidth(title) - inkStringWidth(byline)));
		lines.push(
			item === selected
				? `\u001B[7m›●  ${title}${gap}${byline}\u001B[27m`
				: ` \u001B[32;1m●\u001B[22;39m  \u001B[1m${title}\u001B[22m${gap}\u001B[90m${byline}\u001B[39m`,
		);
	}
	lines.push(`\u001B[90m${selected + 1} of 100\u001B[39m`);
	return `${lines.join('\n')}\n`;
}

/** Moves of the selection and scrolls of the list, as j, k and the page keys make them. */
const listSession = fc.record({
	columns: fc.integer({min: 30, max: 80}),
	rows: fc.integer({min: 5, max: 12}),
	moves: fc.array(fc.constantFrom(1, -1, 1, -1, 5, -5), {minLength: 1, maxLength: 25}),
});

function listFrames(columns: number, rows: number, moves: number[]): string[] {
	const page = rows - 3;
	let view = {top: 10, selected: 10};
	const frames = [listFrame(columns, rows, view)];
	for (const move of moves) {
		const selected = view.selected + move;
		const top = selected < view.top ? selected : selected >= view.top + page ? selected - page + 1 : view.top;
		view = {top, selected};
		frames.push(listFrame(columns, rows, view));
	}
	return frames;
}

/**
 * Plays the frames through log-update; returns, for each, the screen and the screen of a full
 * redraw. `below` is text on the bottom row first. With `painted`, that frame is first written from
 * the top as src/cli/first-paint.ts does and left for log-update to start from.
 */
async function play(
	kit: Kit,
	incremental: boolean,
	columns: number,
	rows: number,
	frames: string[],
	{below = '', painted}: {below?: string; painted?: string} = {},
) {
	const terminal = createVirtualTerminal(columns, rows);
	// Text on the bottom row, below where the frames are drawn.
	if (below !== '') terminal.write(`${CSI}${rows};1H${below}${CSI}H`);
	let written = '';
	const stream = {
		columns,
		rows,
		isTTY: true,
		write(data: string) {
			written += data;
			terminal.write(data);
			return true;
		},
	};
	if (painted !== undefined) {
		stream.write(PAINT_PREFIX + painted);
		leaveFirstPaint(stream, painted);
	}
	const log = kit.logUpdate.create(stream, {incremental});
	const screens: Array<{shown: string[]; redrawn: string[]; bytes: string}> = [];
	for (const frame of frames) {
		const before = written.length;
		log(frame);
		await terminal.settled();
		screens.push({shown: terminal.screen(), redrawn: await fullRedraw(frame, columns, rows), bytes: written.slice(before)});
	}
	log.done();
	terminal.dispose();
	return {screens, written, pendingWrapErases: terminal.pendingWrapErases};
}

describe("Ink's log-update with the incremental rendering patch", () => {
	it('is patched in the bundle', () => {
		expect(applied).toContain('ink: incremental rendering writes changed lines where they are');
	});

	it('leaves, after each frame, the screen a full redraw of that frame shows', async () => {
		await fc.assert(
			fc.asyncProperty(session, async ({columns, rows, frames}) => {
				const texts = frames.map(frame => frameText(columns, rows, frame));
				const {screens, pendingWrapErases} = await play(patched, true, columns, rows, texts);
				for (const {shown, redrawn} of screens) expect(shown).toEqual(redrawn);
				expect(pendingWrapErases).toEqual([]);
			}),
			{numRuns: 100},
		);
	});

	it('writes the same bytes as the original where the patch changes nothing: full redraws, and the first frame', async () => {
		await fc.assert(
			fc.asyncProperty(session, async ({columns, rows, frames}) => {
				const texts = frames.map(frame => frameText(columns, rows, frame));
				expect((await play(patched, false, columns, rows, texts)).written).toBe(
					(await play(original, false, columns, rows, texts)).written,
				);
				const first = texts.slice(0, 1);
				expect((await play(patched, true, columns, rows, first)).written).toBe((await play(original, true, columns, rows, first)).written);
			}),
			{numRuns: 30},
		);
	});

	it('shows the same screens as the original for frames as tall as the terminal, which the original draws right', async () => {
		await fc.assert(
			fc.asyncProperty(session, async ({columns, rows, frames}) => {
				// A last line that is empty would read as a newline at the end: a frame one row shorter.
				const lastFilled = (picks: number[]) => picks.map((pick, index) => (index === rows - 1 && pick === 0 ? 1 : pick));
				const texts = frames.map(frame => frameText(columns, rows, {height: rows, picks: lastFilled(frame.picks)}));
				const before = await play(original, true, columns, rows, texts);
				const after = await play(patched, true, columns, rows, texts);
				expect(after.screens.map(screen => screen.shown)).toEqual(before.screens.map(screen => screen.shown));
			}),
			{numRuns: 30},
		);
	});

	it('fixes what the original does: it draws a frame after one that ended with a newline a row too low', async () => {
		const frames = ['one\ntwo\nthree\n', 'ONE\ntwo\nthree\n'];
		const before = await play(original, true, 10, 5, frames);
		expect(before.screens[1]?.shown).toEqual(['one', 'ONE', 'three', '', '']);
		const after = await play(patched, true, 10, 5, frames);
		expect(after.screens[1]?.shown).toEqual(['ONE', 'two', 'three', '', '']);
	});

	it('draws a list whose selection moves and which scrolls, and moves rows by deleting and inserting lines', async () => {
		await fc.assert(
			fc.asyncProperty(listSession, async ({columns, rows, moves}) => {
				const {screens, pendingWrapErases} = await play(patched, true, columns, rows, listFrames(columns, rows, moves));
				for (const {shown, redrawn} of screens) expect(shown).toEqual(redrawn);
				expect(pendingWrapErases).toEqual([]);
			}),
			{numRuns: 60},
		);
	});

	it('moves the selection in a wide list in fewer bytes than the selected row has cells, leaving rows below the frame as they were', async () => {
		const {screens} = await play(patched, true, 200, 12, listFrames(200, 12, [1, -1]), {below: 'below the frame'});
		for (const {shown, redrawn, bytes} of screens.slice(1)) {
			expect(shown.slice(0, 11)).toEqual(redrawn.slice(0, 11));
			expect(shown[11]).toBe('below the frame');
			expect(bytes).toContain(`${CSI}M`);
			expect(bytes).toContain(`${CSI}L`);
			expect(Buffer.byteLength(bytes)).toBeLessThan(200);
		}
	});

	it('writes a line as wide as the terminal without erasing after it, which in xterm erases its last character', async () => {
		const full = 'x'.repeat(10);
		const before = await play(original, true, 10, 5, ['a\nb\n', `${full}\nb\n`]);
		expect(before.pendingWrapErases).not.toEqual([]);
		const after = await play(patched, true, 10, 5, ['a\nb\n', `${full}\nb\n`]);
		expect(after.pendingWrapErases).toEqual([]);
		expect(after.screens[1]?.shown).toEqual([full, 'b', '', '', '']);
	});

	it('starts from a frame painted before it: after each later frame the screen is a full redraw of it', async () => {
		await fc.assert(
			fc.asyncProperty(session, fc.nat(), async ({columns, rows, frames}, pick) => {
				// The reader paints only frames a row shorter than the terminal, as all its frames are.
				const first = frames[pick % frames.length] ?? {height: 1, picks: []};
				const painted = frameText(columns, rows, {...first, height: Math.min(first.height, rows - 1)});
				const texts = frames.map(frame => frameText(columns, rows, frame));
				const {screens, pendingWrapErases} = await play(patched, true, columns, rows, texts, {painted});
				for (const {shown, redrawn} of screens) expect(shown).toEqual(redrawn);
				expect(pendingWrapErases).toEqual([]);
			}),
			{numRuns: 100},
		);
	});

	it('writes nothing for a first frame that is the painted one', async () => {
		const frame = 'one\n\u001B[1mtwo\u001B[22m\nthree\n';
		const {screens, written} = await play(patched, true, 10, 5, [frame], {painted: frame});
		expect(screens[0]?.shown).toEqual(screens[0]?.redrawn);
		expect(screens[0]?.shown[2]).toBe('three');
		expect(written.startsWith(PAINT_PREFIX + frame)).toBe(true);
		expect(stripVTControlCharacters(written.slice((PAINT_PREFIX + frame).length))).toBe('');
	});
});
