// A line of an Ink frame read as the cells a terminal shows: each character with its columns, its
// style and its link. ink-incremental-row.js compares the cells of the line on screen with those of
// the next to write only what changed. Plain JavaScript: scripts/patches/ink-incremental.mjs appends
// it to Ink's log-update.js without its `import` and `export` lines.

export const CSI = '\u001B[';

// Style attributes on/off codes. `blink` and `underline` keep the code that set them (5 or 6; 4 or
// 4:n), so that a different code never compares equal.
const FLAGS = [
	['italic', '3', '23'],
	['inverse', '7', '27'],
	['hidden', '8', '28'],
	['strike', '9', '29'],
	['overline', '53', '55'],
];
const COLOURS = [
	['fg', '39'],
	['bg', '49'],
	['underlineColour', '59'],
];

// Each style made is kept, one object per key and numbered (numbers are not reused), so that cells
// compare styles by a short key.
const styles = new Map();
let stylesMade = 0;

/** A style as SGR leaves it. `key` is equal for equal styles (and only for those). */
function makeStyle(attributes) {
	const style = {bold: false, dim: false, italic: false, inverse: false, hidden: false, strike: false, overline: false};
	Object.assign(style, {blink: '', underline: '', fg: '', bg: '', underlineColour: ''}, attributes);
	const key = Object.values(style).join(',');
	const known = styles.get(key);
	if (known) return known;
	if (styles.size >= 10_000) styles.clear();
	style.key = key;
	style.id = stylesMade++;
	// What a blank cell in this style shows: its background, unless something draws on it.
	const drawsOnBlanks = style.inverse || style.underline !== '' || style.strike || style.overline;
	style.blankKey = drawsOnBlanks ? `s${style.id}` : `b${style.bg}`;
	styles.set(key, style);
	return style;
}

export const DEFAULT_STYLE = makeStyle({});

const foregroundCode = code => (code >= 30 && code <= 37) || (code >= 90 && code <= 97);
const backgroundCode = code => (code >= 40 && code <= 47) || (code >= 100 && code <= 107);

/**
 * `style` after an SGR sequence with these parameters, or undefined for a code this model does not
 * know (the line is then written whole, as Ink wrote it).
 */
function applySgr(style, parameters) {
	const next = {...style};
	const codes = parameters === '' ? ['0'] : parameters.split(';');
	for (let index = 0; index < codes.length; index++) {
		const parameter = codes[index];
		const [code, sub] = parameter.split(':');
		const number = code === '' ? 0 : Number(code);
		const colour = number === 38 ? 'fg' : number === 48 ? 'bg' : number === 58 ? 'underlineColour' : undefined;
		const flag = FLAGS.find(([, on, off]) => on === code || off === code);
		const off = COLOURS.find(([, reset]) => reset === code);
		if (sub !== undefined && number !== 4 && colour === undefined) return undefined;
		if (number === 0) Object.assign(next, DEFAULT_STYLE);
		else if (number === 1 || number === 2) next[number === 1 ? 'bold' : 'dim'] = true;
		else if (number === 22) next.bold = next.dim = false;
		else if (flag) next[flag[0]] = code === flag[1];
		else if (number === 4) next.underline = sub === '0' ? '' : parameter;
		else if (number === 24) next.underline = '';
		else if (number === 5 || number === 6) next.blink = parameter;
		else if (number === 25) next.blink = '';
		else if (foregroundCode(number)) next.fg = parameter;
		else if (backgroundCode(number)) next.bg = parameter;
		else if (off) next[off[0]] = '';
		else if (colour && sub !== undefined) next[colour] = parameter;
		else if (colour) {
			// 38;5;n or 38;2;r;g;b
			const length = codes[index + 1] === '5' ? 2 : codes[index + 1] === '2' ? 4 : 0;
			const parts = codes.slice(index, index + length + 1);
			if (length === 0 || parts.length !== length + 1 || parts.some(part => !/^\d+$/.test(part))) return undefined;
			next[colour] = parts.join(';');
			index += length;
		} else return undefined;
	}
	const {key, blankKey, id, ...attributes} = next;
	return makeStyle(attributes);
}

/** The SGR parameters that set `style` on a terminal whose style is `from`. */
function sgrCodes(from, style) {
	const codes = [];
	if ((from.bold && !style.bold) || (from.dim && !style.dim)) {
		codes.push('22');
		from = {...from, bold: false, dim: false};
	}
	if (style.bold && !from.bold) codes.push('1');
	if (style.dim && !from.dim) codes.push('2');
	for (const [name, on, off] of FLAGS) if (from[name] !== style[name]) codes.push(style[name] ? on : off);
	if (from.underline !== style.underline) codes.push(style.underline || '24');
	if (from.blink !== style.blink) codes.push(style.blink || '25');
	for (const [name, off] of COLOURS) if (from[name] !== style[name]) codes.push(style[name] || off);
	return codes;
}

// Terminals read at least this many parameters in one sequence.
const MOST_PARAMETERS = 16;

const transitions = new Map();

/** The shortest SGR sequence(s) from style `from` to `style`: the changes, or a reset and the style. */
export function sgrTransition(from, style) {
	if (from.key === style.key) return '';
	if (style.key === DEFAULT_STYLE.key) return `${CSI}m`;
	const pair = `${from.id},${style.id}`;
	let sequence = transitions.get(pair);
	if (sequence === undefined) {
		if (transitions.size > 1000) transitions.clear();
		sequence = sgrSequence(from, style);
		transitions.set(pair, sequence);
	}
	return sequence;
}

function sgrSequence(from, style) {
	const changes = sgrCodes(from, style);
	const reset = ['0', ...sgrCodes(DEFAULT_STYLE, style)];
	const codes = reset.join(';').length < changes.join(';').length ? reset : changes;
	let output = '';
	let group = [];
	let count = 0;
	for (const code of codes) {
		const size = code.split(';').length;
		if (count + size > MOST_PARAMETERS) {
			output += `${CSI}${group.join(';')}m`;
			group = [];
			count = 0;
		}
		group.push(code);
		count += size;
	}
	return `${output}${CSI}${group.join(';')}m`;
}

// An escape sequence: SGR (parameters in group 1), an OSC 8 link (its parameters and URL in group 2),
// anything else (not understood here).
const ESCAPE =
	/\u001B(?:\[([0-9;:]*)m|\]8;([^;\u0007\u001B]*;[^\u0007\u001B]*)(?:\u0007|\u001B\\)|\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|.)/y;

// Blocks whose characters take the columns string-width gives them in every terminal, one code point
// to a character. Anything else (emoji, combining marks, joiners, scripts that join letters) is
// written out, never skipped over: where a terminal counts its columns differently, the cells after
// it are not where the frame says.
const PLAIN_RANGES = [
	[0xa0, 0xac],
	[0xae, 0x2ff],
	[0x370, 0x482],
	[0x48a, 0x52f],
	[0x2010, 0x2027],
	[0x2030, 0x205e],
	[0x2070, 0x22ff],
	[0x2500, 0x27bf],
	[0x3000, 0x303f],
	[0x3041, 0x3096],
	[0x30a0, 0x30ff],
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xac00, 0xd7a3],
	[0xff01, 0xffdc],
];
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const widths = new Map();

/** Columns of a character outside ASCII if it is plain (see PLAIN_RANGES), else 0. */
function plainWidth(character, stringWidth) {
	let width = widths.get(character);
	if (width === undefined) {
		const point = character.codePointAt(0);
		const plain = PLAIN_RANGES.some(([low, high]) => point >= low && point <= high) && !PICTOGRAPHIC.test(character);
		width = plain ? stringWidth(character) : 0;
		if (width > 2) width = 0;
		widths.set(character, width);
	}
	return width;
}

/** What a blank cell that was erased shows. */
export const PLAIN_BLANK = ` ${DEFAULT_STYLE.blankKey}\u0000`;

/**
 * The cells of `line` (text as Ink writes it: characters, SGR sequences and OSC 8 links), or
 * undefined if it holds anything else. Each cell has its text, first column, width, style and link;
 * `keys[column]` compares equal where two lines show the same (a blank compares by what shows of
 * its style). Columns from `uncertain` on may not be where a terminal puts them.
 */
export function flashnewsLineCells(line, stringWidth) {
	const cells = [];
	const keys = [];
	let style = DEFAULT_STYLE;
	let link = '';
	let column = 0;
	let uncertain = Number.POSITIVE_INFINITY;
	let index = 0;
	while (index < line.length) {
		const code = line.charCodeAt(index);
		if (code === 0x1b) {
			ESCAPE.lastIndex = index;
			const match = ESCAPE.exec(line);
			if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
			if (match[1] !== undefined) style = applySgr(style, match[1]);
			else link = match[2].slice(match[2].indexOf(';') + 1) === '' ? '' : match[2];
			if (style === undefined) return undefined;
			index += match[0].length;
			continue;
		}
		if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return undefined;
		const character = String.fromCodePoint(line.codePointAt(index));
		index += character.length;
		let width = code < 0x7f ? 1 : plainWidth(character, stringWidth);
		if (width === 0) {
			// Not plain; it may also join the character before it.
			if (uncertain === Number.POSITIVE_INFINITY) uncertain = cells.length > 0 ? cells.at(-1).column : column;
			width = stringWidth(character);
		}
		if (width > 0) {
			cells.push({text: character, column, width, style, link});
			column += width;
		} else if (cells.length > 0) cells.at(-1).text += character;
		else return undefined;
	}
	for (const cell of cells) {
		const key = cell.text === ' ' ? ` ${cell.style.blankKey}\u0000${cell.link}` : `${cell.text}\u0000${cell.style.id}\u0000${cell.link}`;
		cell.plainBlank = key === PLAIN_BLANK;
		keys[cell.column] = key;
		for (let part = 1; part < cell.width; part++) keys[cell.column + part] = `\u0001${key}`;
	}
	const width = uncertain === Number.POSITIVE_INFINITY ? column : Math.max(column, stringWidth(line));
	return {cells, keys, width, uncertain};
}

/** What `line` (from flashnewsLineCells) shows at `column`: beyond its end, a plain blank. */
export function keyAt(line, column) {
	return column < line.keys.length ? line.keys[column] : PLAIN_BLANK;
}
