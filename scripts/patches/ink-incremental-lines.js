// What Ink's incremental log-update writes for a frame after the first (scripts/patches/
// ink-incremental.mjs appends these functions, and those of ink-incremental-cells.js and
// ink-incremental-row.js, to node_modules/ink/build/log-update.js without their `import` and
// `export` lines). Plain JavaScript, so that it reads the same in Ink's file and here.
import {CSI, flashnewsLineCells} from './ink-incremental-cells.js';
import {flashnewsRewriteRow} from './ink-incremental-row.js';

const ERASE_TO_END_OF_LINE = `${CSI}K`;
// Runs of unstyled spaces shorter than this are written as they are.
const SHORTEST_SKIPPED_BLANKS = 8;

/** ansi-escapes' eraseLines: erases `count` rows from the cursor's upwards, ends in the first column. */
function eraseLines(count) {
	let erase = '';
	for (let row = 0; row < count; row++) erase += `${CSI}2K${row < count - 1 ? `${CSI}1A` : ''}`;
	return count > 0 ? `${erase}${CSI}G` : '';
}

// SGR codes that change nothing a blank cell shows: weights, italics, blinking, hiding, foreground
// and underline colours. Any code not known here keeps blanks written out until a reset.
const INVISIBLE_ON_BLANKS = new Set([1, 2, 3, 5, 6, 8, 22, 23, 25, 28, 38, 39, 58, 59]);
const isForeground = code => (code >= 30 && code <= 37) || (code >= 90 && code <= 97);
const isBackground = code => (code >= 40 && code <= 48) || (code >= 100 && code <= 107);

/**
 * Updates `state` (what shows on a blank cell) with an SGR sequence's parameters; returns whether a
 * blank cell now looks as an unstyled one does.
 */
function blankLooksPlain(state, parameters) {
	const codes = parameters === '' ? ['0'] : parameters.split(';');
	for (let index = 0; index < codes.length; index++) {
		const [code, sub] = codes[index].split(':');
		const number = Number(code || '0');
		if (number === 0) {
			for (const key of Object.keys(state)) state[key] = false;
		} else if (number === 4 || number === 21 || number === 24) state.underline = number !== 24 && sub !== '0';
		else if (number === 7 || number === 27) state.inverse = number === 7;
		else if (number === 9 || number === 29) state.strike = number === 9;
		else if (number === 53 || number === 55) state.overline = number === 53;
		else if (number === 49) state.background = false;
		else if (isBackground(number)) state.background = true;
		else if (!INVISIBLE_ON_BLANKS.has(number) && !isForeground(number)) state.unknown = true;
		// 38, 48 and 58 take a colour as 5;n or 2;r;g;b, unless it is given with colons.
		if ((number === 38 || number === 48 || number === 58) && sub === undefined) index += codes[index + 1] === '5' ? 2 : 4;
	}
	return !Object.values(state).some(Boolean);
}

const SEQUENCE =
	/\u001B(?:\[([0-9;:]*)m|\]8;[^\u0007\u001B]*;([^\u0007\u001B]*)(?:\u0007|\u001B\\)|\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|.)/y;
// Terminals read at least this many parameters in one sequence.
const MOST_MERGED_PARAMETERS = 16;

/**
 * `line` written in fewer bytes: each run of unstyled spaces (outside a link) becomes a cursor
 * movement over it, after an erase to the end of the line the first time; consecutive SGR
 * sequences become one. `erased` says whether the erase was written: after it nothing old is left
 * to the right.
 */
export function flashnewsCompactLine(line) {
	const state = {background: false, inverse: false, underline: false, strike: false, overline: false, unknown: false};
	let plain = true;
	let link = false;
	let output = '';
	let erased = false;
	// Parameters of the SGR sequence that ends `output`, if it does.
	let lastStyle;
	let index = 0;
	while (index < line.length) {
		if (line[index] === '\u001B') {
			SEQUENCE.lastIndex = index;
			const match = SEQUENCE.exec(line);
			const sequence = match ? match[0] : line[index];
			index += sequence.length;
			const parameters = match?.[1];
			if (parameters === undefined) {
				if (match?.[2] !== undefined) link = match[2] !== '';
				else {
					state.unknown = true;
					plain = false;
				}
				output += sequence;
				lastStyle = undefined;
				continue;
			}
			plain = blankLooksPlain(state, parameters);
			const merged = lastStyle === undefined ? undefined : `${lastStyle || '0'};${parameters || '0'}`;
			if (merged !== undefined && merged.split(';').length <= MOST_MERGED_PARAMETERS) {
				output = `${output.slice(0, output.length - lastStyle.length - 3)}${CSI}${merged}m`;
				lastStyle = merged;
			} else {
				output += sequence;
				lastStyle = parameters;
			}
			continue;
		}
		lastStyle = undefined;
		let end = index;
		while (line[end] === ' ') end++;
		if (end - index >= SHORTEST_SKIPPED_BLANKS && plain && !link) {
			output += `${erased ? '' : ERASE_TO_END_OF_LINE}${CSI}${end - index}C`;
			erased = true;
		} else output += line.slice(index, Math.max(end, index + 1));
		index = Math.max(end, index + 1);
	}
	return {output, erased};
}

// Lines of the frame on screen and the last one, read as cells (null: not understood), by text.
let cellsByLine = new Map();
let cellsMeasuredWith;

/**
 * The bytes that turn a row showing `shown` into one showing `line`: the cells that changed, or
 * (when either line is not understood, or `shown` is not known) all of `line`. Undefined if the
 * cells that changed take `limit` bytes or more.
 */
function rowBytes(shown, line, {columns, stringWidth, cellsOf, limit}) {
	if (shown === line) return '';
	const previous = shown === undefined || !(columns > 0) ? null : cellsOf(shown);
	const next = previous ? cellsOf(line) : null;
	if (previous && next && previous.width <= columns && next.width <= columns) return flashnewsRewriteRow(previous, next, columns, limit);
	const {output, erased} = flashnewsCompactLine(line);
	// After the last column the cursor waits to wrap; an erase then would take (in xterm) the
	// last character with it.
	const fillsRow = columns > 0 && stringWidth(line) >= columns;
	return output + (erased || fillsRow ? '' : ERASE_TO_END_OF_LINE);
}

// A run of changed rows longer than this is moved by a row only when at least half of its rows
// then show what they should (a list or a text scrolled by one row); a short run is always tried.
const LONGEST_RUN_ALWAYS_SHIFTED = 4;

/**
 * The ways to write changed rows first..last worth trying, most promising first: as they are (0),
 * moved down (1) or up (-1) by a row.
 */
function waysToTry(previousLines, nextLines, first, last) {
	const ways = [{by: 0, same: 0}];
	for (const by of [1, -1]) {
		let same = 0;
		for (let row = first; row <= last; row++) if (nextLines[row] === previousLines[row - by]) same++;
		if (last - first < LONGEST_RUN_ALWAYS_SHIFTED || same * 2 >= last - first + 1) ways.push({by, same});
	}
	return ways.sort((one, other) => other.same - one.same).map(way => way.by);
}

/**
 * The bytes that turn the previous frame on screen into the next, given as lists of lines
 * (`text.split('\n')`: a frame that ends with a newline has an empty last entry). Only the cells
 * that changed are written, the cursor moved to each row by the shortest way. Where consecutive
 * rows changed, the rows may first be moved down or up by one (a line deleted below them and one
 * inserted above, or the other way round), when their text is then closer to the next frame's: a
 * selection that moves, a list that scrolls by a row.
 */
export function flashnewsChangedLines({previousLines, previousOutput, nextLines, visibleCount, hasTrailingNewline, columns, stringWidth}) {
	const previousVisible = previousOutput.endsWith('\n') ? previousLines.length - 1 : previousLines.length;
	// The previous frame left the cursor on its row previousLines.length - 1: below its last line
	// if it ended with a newline, else on that line. Its column is not known (Ink's full redraw
	// after a frame as tall as the terminal leaves it at the end of the last line). Rows down to
	// this one are on screen.
	const lowestRow = previousLines.length - 1;
	if (cellsMeasuredWith !== stringWidth) cellsByLine = new Map();
	cellsMeasuredWith = stringWidth;
	const cellsOfFrame = new Map();
	const cellsOf = line => {
		if (!cellsOfFrame.has(line)) {
			const cells = cellsByLine.has(line) ? cellsByLine.get(line) : flashnewsLineCells(line, stringWidth);
			cellsOfFrame.set(line, cells ?? null);
		}
		return cellsOfFrame.get(line);
	};
	const cursor = {output: '', row: lowestRow, atLineStart: false};
	if (visibleCount < previousVisible) {
		// Erases the rows below the new frame; ends on row visibleCount, in its first column.
		cursor.output += eraseLines(lowestRow - visibleCount + 1);
		cursor.row = visibleCount;
		cursor.atLineStart = true;
	}
	// Every movement below ends in the first column.
	const moveTo = (at, target, toLineStart = true) => {
		if (target < at.row) at.output += `${CSI}${at.row - target === 1 ? '' : at.row - target}F`;
		else if (target > at.row) {
			// Cursor movements stop at the bottom of the screen, only newlines scroll.
			const onScreen = Math.max(0, Math.min(target, lowestRow) - at.row);
			at.output += onScreen > 2 ? `${CSI}${onScreen}E` : '\n'.repeat(onScreen);
			at.output += '\n'.repeat(target - at.row - onScreen);
		} else if (at.atLineStart || !toLineStart) return;
		else at.output += '\r';
		at.row = target;
		at.atLineStart = true;
	};
	// Rows the previous frame does not cover are not known to be blank.
	const shownAt = row => (row < previousVisible ? previousLines[row] : undefined);
	// Each way of writing a run of changed rows stops once it takes as many bytes as the best so far.
	let limit = Number.POSITIVE_INFINITY;
	const writeRow = (at, row, shown) => {
		if (at.output === undefined) return;
		const bytes = rowBytes(shown, nextLines[row], {columns, stringWidth, cellsOf, limit: limit - at.output.length});
		if (bytes === undefined) at.output = undefined;
		else if (bytes !== '') {
			moveTo(at, row);
			at.output += bytes;
			at.atLineStart = false;
		}
	};
	// Rows first..last moved down (by = 1) or up (-1) by one, then rewritten.
	const shift = (at, first, last, by) => {
		moveTo(at, by > 0 ? last : first);
		at.output += `${CSI}M`;
		moveTo(at, by > 0 ? first : last);
		at.output += `${CSI}L`;
		for (let row = first; row <= last; row++) writeRow(at, row, row === (by > 0 ? first : last) ? '' : previousLines[row - by]);
	};
	const onScreen = Math.min(visibleCount, previousVisible);
	for (let row = 0; row < visibleCount; row++) {
		if (nextLines[row] === previousLines[row]) continue;
		let last = row;
		while (last + 1 < onScreen && nextLines[last + 1] !== previousLines[last + 1]) last++;
		let best;
		limit = Number.POSITIVE_INFINITY;
		for (const by of last > row && columns > 0 ? waysToTry(previousLines, nextLines, row, last) : [0]) {
			const at = {...cursor, output: ''};
			if (by === 0) for (let each = row; each <= last; each++) writeRow(at, each, shownAt(each));
			else shift(at, row, last, by);
			if (at.output === undefined || at.output.length >= limit) continue;
			best = at;
			limit = at.output.length;
		}
		Object.assign(cursor, best, {output: cursor.output + best.output});
		row = last;
	}
	moveTo(cursor, hasTrailingNewline ? visibleCount : visibleCount - 1, false);
	cellsByLine = cellsOfFrame;
	return cursor.output;
}
