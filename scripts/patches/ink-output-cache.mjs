// Ink turns every line of every frame into styled characters (and measures them) through caches
// that a new Output, made for every frame, starts empty: a keypress that changes two rows pays for
// all of them. Here a frame's caches start from the last frame's, keeping only what this frame
// uses, so they hold at most two frames' lines. And a row that one text fills alone (one line,
// from the first column, outside any clip: every row of the reader) is turned from that text into
// the row's output once, not laid into a grid of cells and read back on every frame.

import {fileURLToPath} from 'node:url';

// The grapheme splitter the patched tokenizer uses (scripts/patches/ansi-tokenize.mjs).
const graphemesModule = fileURLToPath(new URL('../../src/present/graphemes.ts', import.meta.url));

const frameMap = `class FlashnewsFrameMap {
    constructor(last) {
        this.last = last?.current;
        this.current = new Map();
    }
    get(key) {
        let value = this.current.get(key);
        if (value === undefined && this.last !== undefined) {
            value = this.last.get(key);
            if (value !== undefined) this.current.set(key, value);
        }
        return value;
    }
    set(key, value) {
        this.current.set(key, value);
    }
}
let flashnewsLastCaches;

// Per row, the text that alone fills it from column 0 (transformed as Ink would), '' for a row no
// text touches, or undefined for a row Ink must build cell by cell: written more than once, by a
// text of several lines, from another column, or inside a clip.
function flashnewsSingleWriteRows(operations, height) {
    const rows = new Array(height).fill('');
    const writes = new Array(height).fill(0);
    let clips = 0;
    for (const operation of operations) {
        if (operation.type === 'clip') clips++;
        else if (operation.type === 'unclip') clips--;
        else if (operation.type === 'write') {
            const lines = operation.text.split('\\n');
            for (let index = 0; index < lines.length; index++) {
                const y = operation.y + index;
                if (y < 0 || y >= height) continue;
                writes[y]++;
                if (writes[y] > 1 || clips > 0 || operation.x !== 0 || lines.length > 1) {
                    rows[y] = undefined;
                    continue;
                }
                let line = lines[index];
                for (const transformer of operation.transformers) line = transformer(line, index);
                rows[y] = line;
            }
        }
    }
    for (let y = 0; y < height; y++) if (writes[y] > 1) rows[y] = undefined;
    return rows;
}

// What Ink's get() makes of a row that \`line\` alone fills from column 0, made once. get() lays
// the line's styled characters into a row of blanks as wide as the output and writes the row back
// as text, trailing blanks cut: the same as writing the characters alone, cut the same way (a wide
// character's second column is an empty one in its style, which writes nothing). So the text is
// written straight from the line, a style run at a time, without an object per character.
function flashnewsRowText(output, line) {
    if (line === '') return '';
    let text = output.caches.rows.get(line);
    if (text === undefined) {
        text = (flashnewsStyledRuns(line) ?? flashnewsStyledText(tokenize(line))).trimEnd();
        output.caches.rows.set(line, text);
    }
    return text;
}

const flashnewsSgr = /\u001B[[0-9;]*m/y;
const flashnewsSgrTokens = new Map();

// flashnewsStyledText(tokenize(line)) for a line of text and SGR sequences only, without the
// tokens: undefined for anything the tokenizer reads differently (another escape sequence, a C1
// control, a character that could join the last character of a sequence into one grapheme).
function flashnewsStyledRuns(line) {
    if (line.includes('\u009B')) return undefined;
    let codes = [];
    let written;
    let text = '';
    let from = 0;
    while (from < line.length) {
        const escape = line.indexOf('\u001B', from);
        const end = escape < 0 ? line.length : escape;
        if (end > from) {
            text += flashnewsStyleChange(written, codes) + line.slice(from, end);
            written = codes;
        }
        if (escape < 0) break;
        flashnewsSgr.lastIndex = escape;
        const sequence = flashnewsSgr.exec(line)?.[0];
        if (sequence === undefined) return undefined;
        from = escape + sequence.length;
        if (from < line.length && line.charCodeAt(from) >= 0x300 && flashnewsJoinsBefore(line, from)) return undefined;
        let tokens = flashnewsSgrTokens.get(sequence);
        if (tokens === undefined) {
            tokens = tokenize(sequence).filter(token => token.type === 'ansi');
            if (flashnewsSgrTokens.size >= 1000) flashnewsSgrTokens.clear();
            flashnewsSgrTokens.set(sequence, tokens);
        }
        for (const token of tokens) codes = reduceAnsiCodesIncremental(codes, [token]);
    }
    if (written !== undefined) text += ansiCodesToString(diffAnsiCodes(written, []));
    return text;
}

// Whether the character at \`index\` joins the one before it into one grapheme, as a combining mark
// does: the tokenizer then skips it with the escape sequence it follows.
function flashnewsJoinsBefore(line, index) {
    for (const {segment} of graphemes(line.slice(index - 1, index + 16))) return segment.length > 1;
    return false;
}

// styledCharsToString(styledCharsFromTokens(tokens)), one style run at a time.
function flashnewsStyledText(tokens) {
    let codes = [];
    let written;
    let text = '';
    for (const token of tokens) {
        if (token.type === 'ansi') {
            codes = reduceAnsiCodesIncremental(codes, [token]);
            continue;
        }
        if (token.type !== 'char') continue;
        text += flashnewsStyleChange(written, codes) + token.value;
        written = codes;
    }
    if (written !== undefined) text += ansiCodesToString(diffAnsiCodes(written, []));
    return text;
}

// The codes that take text written in style \`from\` (undefined: nothing written yet) to \`to\`.
function flashnewsStyleChange(from, to) {
    if (from === undefined) return ansiCodesToString(to);
    return flashnewsSameCodes(from, to) ? '' : ansiCodesToString(diffAnsiCodes(from, to));
}

function flashnewsSameCodes(one, other) {
    if (one === other) return true;
    if (one.length !== other.length) return false;
    for (let index = 0; index < one.length; index++) {
        if (one[index].code !== other[index].code || one[index].endCode !== other[index].endCode) return false;
    }
    return true;
}`;

/** @type {import('./apply-patches.mjs').Patch} */
export const outputCachePatch = {
	name: "a frame's styled lines and rows are kept for the next frame",
	file: 'build/output.js',
	changes: [
		[
			`class OutputCaches {
    widths = new Map();
    blockWidths = new Map();
    styledChars = new Map();`,
			`class OutputCaches {
    widths;
    blockWidths;
    styledChars;
    rows;
    constructor(last) {
        this.widths = new FlashnewsFrameMap(last?.widths);
        this.blockWidths = new FlashnewsFrameMap(last?.blockWidths);
        this.styledChars = new FlashnewsFrameMap(last?.styledChars);
        this.rows = new FlashnewsFrameMap(last?.rows);
    }`,
		],
		[
			`        const output = [];
        for (let y = 0; y < this.height; y++) {
            const row = [];`,
			`        const output = [];
        const flashnewsRows = flashnewsSingleWriteRows(this.operations, this.height);
        for (let y = 0; y < this.height; y++) {
            if (flashnewsRows[y] !== undefined) {
                output.push(undefined);
                continue;
            }
            const row = [];`,
		],
		[
			`            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742`,
			`            .map((line, flashnewsY) => {
            if (line === undefined) return flashnewsRowText(this, flashnewsRows[flashnewsY]);
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742`,
		],
		['    caches = new OutputCaches();', '    caches = (flashnewsLastCaches = new OutputCaches(flashnewsLastCaches));'],
		[
			"import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';",
			`import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';\nimport {graphemes} from ${JSON.stringify(graphemesModule)};`,
		],
	],
	append: frameMap,
};
