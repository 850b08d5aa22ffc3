// What Ink's incremental log-update writes for a frame after the first (scripts/patches/
// ink-incremental.mjs appends these functions to node_modules/ink/build/log-update.js, without the
// `export`s). Plain JavaScript with no imports, so that it reads the same in Ink's file and here.

const ESC = '\u001B[';
const ERASE_TO_END_OF_LINE = `${ESC}K`;
// Runs of unstyled spaces shorter than this are written as they are.
const SHORTEST_SKIPPED_BLANKS = 8;

/** ansi-escapes' eraseLines: erases `count` rows from the cursor's upwards, ends in the first column. */
function eraseLines(count) {
	let erase = '';
	for (let row = 0; row < count; row++) erase += `${ESC}2K${row < count - 1 ? `${ESC}1A` : ''}`;
	return count > 0 ? `${erase}${ESC}G` : '';
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
				output = `${output.slice(0, output.length - lastStyle.length - 3)}${ESC}${merged}m`;
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
			output += `${erased ? '' : ERASE_TO_END_OF_LINE}${ESC}${end - index}C`;
			erased = true;
		} else output += line.slice(index, Math.max(end, index + 1));
		index = Math.max(end, index + 1);
	}
	return {output, erased};
}

/**
 * The bytes that turn the previous frame on screen into the next, given as lists of lines
 * (`text.split('\n')`: a frame that ends with a newline has an empty last entry). Only the lines
 * that changed are written, the cursor moved to each by the shortest way.
 */
export function flashnewsChangedLines({previousLines, previousOutput, nextLines, visibleCount, hasTrailingNewline, columns, stringWidth}) {
	const previousVisible = previousOutput.endsWith('\n') ? previousLines.length - 1 : previousLines.length;
	// The previous frame left the cursor on its row previousLines.length - 1: below its last line
	// if it ended with a newline, else on that line. Its column is not known (Ink's full redraw
	// after a frame as tall as the terminal leaves it at the end of the last line). Rows down to
	// this one are on screen.
	const lowestRow = previousLines.length - 1;
	let output = '';
	let row = lowestRow;
	let atLineStart = false;
	if (visibleCount < previousVisible) {
		// Erases the rows below the new frame; ends on row visibleCount, in its first column.
		output += eraseLines(lowestRow - visibleCount + 1);
		row = visibleCount;
		atLineStart = true;
	}
	// Every movement below ends in the first column.
	const moveTo = (target, toLineStart = true) => {
		if (target < row) output += `${ESC}${row - target === 1 ? '' : row - target}F`;
		else if (target > row) {
			// Cursor movements stop at the bottom of the screen, only newlines scroll.
			const onScreen = Math.max(0, Math.min(target, lowestRow) - row);
			output += onScreen > 2 ? `${ESC}${onScreen}E` : '\n'.repeat(onScreen);
			output += '\n'.repeat(target - row - onScreen);
		} else if (atLineStart || !toLineStart) return;
		else output += '\r';
		row = target;
		atLineStart = true;
	};
	for (let index = 0; index < visibleCount; index++) {
		if (nextLines[index] === previousLines[index]) continue;
		moveTo(index);
		const {output: compact, erased} = flashnewsCompactLine(nextLines[index]);
		// After the last column the cursor waits to wrap; an erase then would take (in xterm) the
		// last character with it.
		const fillsRow = columns > 0 && stringWidth(nextLines[index]) >= columns;
		output += compact + (erased || fillsRow ? '' : ERASE_TO_END_OF_LINE);
		atLineStart = false;
	}
	moveTo(hasTrailingNewline ? visibleCount : visibleCount - 1, false);
	return output;
}
