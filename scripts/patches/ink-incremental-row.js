// What turns one row of the screen from a line into another: only the cells that changed, the
// cursor moved over the rest. Plain JavaScript: scripts/patches/ink-incremental.mjs appends it to
// Ink's log-update.js without its `import` and `export` lines.
import {CSI, DEFAULT_STYLE, keyAt, PLAIN_BLANK, sgrTransition} from './ink-incremental-cells.js';

const LINK_END = '\u001B]8;;\u0007';
// A gap of unchanged cells this wide or wider is always crossed with a cursor movement.
const WIDEST_REWRITTEN_GAP = 6;
// The rest of a row is erased, if at all, where it changes or where a run of at least this many
// blanks starts (shorter runs cost few bytes written).
const SHORTEST_ERASED_BLANKS = 4;

const cursorForward = count => `${CSI}${count === 1 ? '' : count}C`;

/** A blank cell past the end of a line. */
const BLANK = {text: ' ', width: 1, style: DEFAULT_STYLE, link: '', plainBlank: true};

/** Bytes that write `cell` from a terminal state `{style, link}`, which they update. */
function writeCell(cell, state) {
	let output = '';
	if (cell.link !== state.link) {
		output += cell.link === '' ? LINK_END : `\u001B]8;${cell.link}\u0007`;
		state.link = cell.link;
	}
	const shows = cell.text === ' ' ? state.style.blankKey !== cell.style.blankKey : state.style.key !== cell.style.key;
	if (shows) {
		output += sgrTransition(state.style, cell.style);
		state.style = cell.style;
	}
	return output + cell.text;
}

/** Bytes that write cells `from` to `to` (not included) of `line`, blanks past its end. */
function writeCells(line, from, to, state) {
	let output = '';
	for (let index = from; index < to; index++) output += writeCell(line.cells[index] ?? BLANK, state);
	return output;
}

// writeFrom's output so far, and flashnewsRewriteRow's working arrays: one of each for every call
// (calls never nest), so that trying several ways of writing a row leaves little garbage behind.
// Entries of `pieces` past `piecesFilled` are empty (setting an array's length to 0 would free it).
const pieces = [];
let piecesFilled = 0;
let changedScratch = new Uint8Array(0);
let writtenScratch = new Int32Array(0);

/**
 * Writes `next` over `previous` (both from flashnewsLineCells) from the cursor at `start`: cells
 * that did not change (`changed[column]` is false) are skipped where their columns are `certain`,
 * the row is erased from `eraseAt` if given (then the rest of `next` is written out, skipping only
 * its plain blanks) and else written up to `end`, leaving what follows as it is. Undefined once
 * the bytes reach `limit`.
 */
function writeFrom(next, changed, start, end, eraseAt, certain, limit) {
	const state = {style: DEFAULT_STYLE, link: ''};
	let count = 0;
	let length = 0;
	const add = text => {
		if (text === '') return;
		pieces[count++] = text;
		length += text.length;
	};
	let cursor = 0;
	let erased = false;
	let index = 0;
	for (let column = 0; column < start; index++) column += (next.cells[index] ?? BLANK).width;
	// Cells gap..index - 1, from the cursor on, need no writing.
	let gap = 0;
	const moveTo = (column, cell) => {
		if (cursor === column) return;
		let move = cursorForward(column - cursor);
		if (column - cursor < WIDEST_REWRITTEN_GAP) {
			// Writing a few cells may take fewer bytes than moving over them.
			const written = {style: state.style, link: state.link};
			const text = writeCells(next, gap, index, written) + writeCell(cell, written);
			const cellAlone = writeCell(cell, {style: state.style, link: state.link});
			if (text.length < move.length + cellAlone.length) move = writeCells(next, gap, index, state);
		}
		add(move);
		cursor = column;
	};
	const erase = column => {
		moveTo(column, BLANK);
		if (state.link !== '') add(LINK_END);
		if (state.style.blankKey !== DEFAULT_STYLE.blankKey) {
			add(sgrTransition(state.style, DEFAULT_STYLE));
			state.style = DEFAULT_STYLE;
		}
		state.link = '';
		add(`${CSI}K`);
		erased = true;
		gap = index;
	};
	for (let column = start; column < end && length < limit; index++) {
		const cell = next.cells[index] ?? BLANK;
		if (!erased && eraseAt !== undefined && column >= eraseAt) erase(column);
		let same = erased ? cell.plainBlank : column + cell.width <= certain;
		for (let part = 0; same && !erased && part < cell.width; part++) same = !changed[column + part];
		if (!same) {
			moveTo(column, cell);
			add(writeCell(cell, state));
			cursor = column + cell.width;
			gap = index + 1;
		}
		column += cell.width;
	}
	if (eraseAt !== undefined && !erased) erase(end);
	if (state.link !== '') add(LINK_END);
	add(sgrTransition(state.style, DEFAULT_STYLE));
	pieces.fill('', count, piecesFilled);
	piecesFilled = count;
	return length < limit ? pieces.join('') : undefined;
}

/**
 * The bytes that turn a row showing `previous` into one showing `next` (both from
 * flashnewsLineCells, as wide as the terminal at most), from the cursor in the row's first column;
 * the cursor ends in the row. Columns a terminal may count differently (flashnewsLineCells'
 * `uncertain`) are never skipped over, and nothing is erased after the last column, where the
 * cursor waits to wrap (xterm erases that column's character then). Undefined if that takes
 * `limit` bytes or more.
 */
export function flashnewsRewriteRow(previous, next, columns, limit = Number.POSITIVE_INFINITY) {
	const span = Math.max(previous.width, next.width);
	// Read up to a wide cell past the span, where a fresh array would hold nothing either.
	if (changedScratch.length < span + 2) changedScratch = new Uint8Array(2 * span + 2);
	const changed = changedScratch;
	changed.fill(0, 0, span + 2);
	let first = -1;
	let last = -1;
	const previousKeys = previous.keys;
	const nextKeys = next.keys;
	for (let column = 0; column < span; column++) {
		const previousKey = column < previousKeys.length ? previousKeys[column] : PLAIN_BLANK;
		if (previousKey === (column < nextKeys.length ? nextKeys[column] : PLAIN_BLANK)) continue;
		changed[column] = 1;
		if (first < 0) first = column;
		last = column;
	}
	if (first < 0) return '';
	const certain = Math.min(previous.uncertain, next.uncertain);
	// A cell's first column in both lines: the first change is, and so is where columns become
	// uncertain, or the column before it changed.
	const start = Math.min(first, certain);
	const replaced = column => column >= certain || keyAt(previous, column) !== PLAIN_BLANK;
	// Bytes of the cells from each on that an erase before them would leave to write.
	if (writtenScratch.length < next.cells.length + 1) writtenScratch = new Int32Array(2 * next.cells.length + 1);
	const written = writtenScratch;
	written[next.cells.length] = 0;
	for (let index = next.cells.length - 1; index >= 0; index--) {
		written[index] = written[index + 1] + (next.cells[index].plainBlank ? 0 : next.cells[index].text.length);
	}
	const writtenFrom = column => {
		const index = next.cells.findIndex(cell => cell.column >= column);
		return index < 0 ? 0 : written[index];
	};
	const tries = [];
	// Leave the rest of the row as it is,
	if (last < certain) tries.push({end: last + 1, least: 0});
	// or erase it, from the first change or where a run of blanks of the next line replaces
	// something, and write the rest of the next line.
	const erases = [start];
	for (let index = 0; index < next.cells.length; index++) {
		const cell = next.cells[index];
		if (!cell.plainBlank || cell.column <= start || next.cells[index - 1]?.plainBlank) continue;
		let after = index;
		while (next.cells[after]?.plainBlank) after++;
		const runEnd = after < next.cells.length ? next.cells[after].column : span;
		if (runEnd - cell.column < SHORTEST_ERASED_BLANKS) continue;
		for (let column = cell.column; column < runEnd; column++) {
			if (!replaced(column)) continue;
			erases.push(cell.column);
			break;
		}
	}
	// The end of the line: nothing to erase beyond it, or an erase there unless the cursor may
	// wait to wrap.
	let beyond = false;
	for (let column = next.width; column < span && !beyond; column++) beyond = replaced(column);
	if (certain === Number.POSITIVE_INFINITY && (!beyond || next.width >= columns)) tries.push({end: next.width, least: 0});
	else if (next.width < columns) erases.push(next.width);
	for (const eraseAt of erases) tries.push({end: next.width, eraseAt, least: writtenFrom(eraseAt) + 3});
	tries.sort((one, other) => one.least - other.least);
	let best;
	for (const plan of tries) {
		if (plan.least >= limit) break;
		const output = writeFrom(next, changed, start, plan.end, plan.eraseAt, certain, limit);
		if (output === undefined) continue;
		best = output;
		limit = output.length;
	}
	return best;
}
