// Draws a captured terminal screen as SVG. The capture (tmux capture-pane -e: text with SGR
// escapes) is replayed into xterm.js's headless terminal, which does the terminal's part — escape
// parsing, character widths, the grid of cells with their colours — and each cell is then placed
// on its own column, so the picture lines up whatever monospace font the viewer has.
import {createHash} from 'node:crypto';
import xterm from '@xterm/headless';
import {BACKGROUND, FOREGROUND, paletteColor, rgbColor} from './palette.mjs';

const FONT_SIZE = 14;
const CELL_WIDTH = 8.4;
const CELL_HEIGHT = 18;
const BASELINE = 13;
const PADDING = 14;
const FONTS = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";

/**
 * @typedef {{fg: string, bg: string | null, bold: boolean, dim: boolean, italic: boolean, underline: boolean, strike: boolean}} Style
 * @typedef {{chars: string, width: number, style: Style}} Cell
 */

/** The screen as a grid of cells: each row the columns' cells, a wide character's second half left out. */
export async function readScreen(styled, {columns, rows}) {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 0});
	// capture-pane ends every row with a newline: the last one would scroll the first row away.
	const data = styled.replace(/\n$/, '').replaceAll('\n', '\r\n');
	await new Promise(resolve => terminal.write(data, resolve));
	const buffer = terminal.buffer.active;
	const grid = [];
	for (let y = 0; y < rows; y++) {
		const line = buffer.getLine(y);
		const cells = [];
		for (let x = 0; x < columns; x++) {
			const cell = line?.getCell(x);
			if (cell === undefined || cell.getWidth() === 0) continue;
			const chars = cell.getChars() || ' ';
			cells.push({chars, width: cell.getWidth(), style: chars === ' ' ? blankStyle(styleOf(cell)) : styleOf(cell)});
		}
		grid.push(cells);
	}
	terminal.dispose();
	return grid;
}

const PLAIN = {fg: FOREGROUND, bg: null, bold: false, dim: false, italic: false, underline: false, strike: false};

/**
 * A blank that shows nothing but the background looks the same whatever its other attributes,
 * which depend on how the reader happened to write it (a space after bold text, or a cell skipped
 * by a cursor move): it gets one plain style, so the picture depends only on what is seen.
 */
function blankStyle(style) {
	return style.bg === null && !style.underline && !style.strike ? PLAIN : style;
}

function color(mode, value, isRgb, isPalette) {
	if (isRgb) return rgbColor(value);
	if (isPalette) return paletteColor(value);
	return mode === 'fg' ? FOREGROUND : null;
}

function styleOf(cell) {
	let fg = color('fg', cell.getFgColor(), cell.isFgRGB(), cell.isFgPalette());
	let bg = color('bg', cell.getBgColor(), cell.isBgRGB(), cell.isBgPalette());
	if (cell.isInverse()) [fg, bg] = [bg ?? BACKGROUND, fg];
	if (cell.isInvisible()) fg = bg ?? BACKGROUND;
	return {
		fg,
		bg,
		bold: cell.isBold() !== 0,
		dim: cell.isDim() !== 0,
		italic: cell.isItalic() !== 0,
		underline: cell.isUnderline() !== 0,
		strike: cell.isStrikethrough() !== 0,
	};
}

/** The grid's text as `tmux capture-pane -p` prints it: each row without its trailing blanks. */
export function screenText(grid) {
	const rows = grid.map(cells =>
		cells
			.map(cell => cell.chars)
			.join('')
			.trimEnd(),
	);
	return `${rows.join('\n')}\n`;
}

export function textSha256(text) {
	return createHash('sha256').update(text).digest('hex');
}

const number = value => String(Math.round(value * 100) / 100);
const escapeXml = text => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const sameStyle = (a, b) => Object.keys(a).every(key => a[key] === b[key]);

/** Cells of one row cut into runs of one style, each with the column it starts at. */
function runsOf(cells) {
	const runs = [];
	let column = 0;
	for (const cell of cells) {
		const last = runs.at(-1);
		// A cell of several code points (a letter and its accents) gets a run of its own: one x per character.
		const alone = [...cell.chars].length > 1;
		if (last !== undefined && !alone && !last.alone && sameStyle(last.style, cell.style)) last.cells.push({cell, column});
		else runs.push({style: cell.style, alone, cells: [{cell, column}]});
		column += cell.width;
	}
	return runs;
}

function drawRun(run, top) {
	const {style} = run;
	const start = run.cells[0].column;
	const end = run.cells.at(-1).column + run.cells.at(-1).cell.width;
	const parts = [];
	if (style.bg !== null) {
		parts.push(
			`<rect x="${number(start * CELL_WIDTH)}" y="${top}" width="${number((end - start) * CELL_WIDTH)}" height="${CELL_HEIGHT}" fill="${style.bg}"/>`,
		);
	}
	const lined = style.underline || style.strike;
	const shown = lined ? run.cells : trimBlankEnd(run.cells);
	if (shown.some(({cell}) => cell.chars.trim() !== '')) {
		const xs = shown.map(({column}) => number(column * CELL_WIDTH)).join(' ');
		const classes = [style.bold && 'b', style.dim && 'd', style.italic && 'i'].filter(Boolean);
		const classAttribute = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
		const text = escapeXml(shown.map(({cell}) => cell.chars).join(''));
		parts.push(`<text x="${xs}" y="${top + BASELINE}" fill="${style.fg}"${classAttribute}>${text}</text>`);
	}
	const lineAt = offset =>
		`<rect x="${number(start * CELL_WIDTH)}" y="${top + offset}" width="${number((end - start) * CELL_WIDTH)}" height="1" fill="${style.fg}"${style.dim ? ' class="d"' : ''}/>`;
	if (style.underline) parts.push(lineAt(BASELINE + 2));
	if (style.strike) parts.push(lineAt(BASELINE - 4));
	return parts;
}

function trimBlankEnd(cells) {
	let end = cells.length;
	while (end > 0 && cells[end - 1].cell.chars.trim() === '') end--;
	return cells.slice(0, end);
}

/**
 * The screen as an SVG document. It carries the SHA-256 of its plain text (data-text-sha256), so a
 * picture can be matched with the captured text it was made from.
 */
export function renderSvg(grid, {columns, rows, title}) {
	const width = number(columns * CELL_WIDTH + 2 * PADDING);
	const height = rows * CELL_HEIGHT + 2 * PADDING;
	const body = grid.flatMap((cells, row) => runsOf(cells).flatMap(run => drawRun(run, row * CELL_HEIGHT)));
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" data-text-sha256="${textSha256(screenText(grid))}">`,
		`<title>${escapeXml(title)}</title>`,
		`<style>text{font-family:${FONTS};font-size:${FONT_SIZE}px;white-space:pre}.b{font-weight:bold}.d{opacity:.55}.i{font-style:italic}</style>`,
		`<rect width="${width}" height="${height}" rx="8" fill="${BACKGROUND}"/>`,
		`<g transform="translate(${PADDING} ${PADDING})" xml:space="preserve">`,
		...body,
		'</g>',
		'</svg>',
		'',
	].join('\n');
}
