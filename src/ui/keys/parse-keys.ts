import type {Key} from 'ink';
import type {KeyStroke} from './key-names.js';

/** A key press named as the bindings table names keys, or a run of pasted text. */
export type KeyEvent = {kind: 'key'; stroke: KeyStroke} | {kind: 'paste'; text: string};

/** What the parser remembers between Ink input events: whether a bracketed paste is open. */
export type KeyParserState = {pasting: boolean};

export const KEY_PARSER_START: KeyParserState = {pasting: false};

/*
 * With bracketed paste on, the terminal wraps pasted text in ESC[200~ … ESC[201~. Ink reads each
 * marker as its own event and hands it on with the ESC removed and no key flag set.
 */
const PASTE_START = '[200~';
const PASTE_END = '[201~';

// Ink names special keys with boolean flags; this maps them back to the table's key names.
const INK_FLAGS: ReadonlyArray<[keyof Key, KeyStroke]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'return'],
	['escape', 'escape'],
	['backspace', 'backspace'],
	// Most terminals send DEL (0x7f) for the Backspace key, which Ink reports as `delete`.
	['delete', 'backspace'],
	['tab', 'tab'],
];

const CHARACTER_NAMES: Record<string, KeyStroke> = {
	'\r': 'return',
	'\n': 'return',
	' ': 'space',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u001B': 'escape',
};

function hasNoFlag(key: Key): boolean {
	return !INK_FLAGS.some(([flag]) => key[flag] === true) && !key.ctrl && !key.meta;
}

/**
 * Turns one Ink input event into the keys it stands for. Ink hands text typed faster than it
 * reads to the handler as one string, e.g. "jjj" or "j\r", while every escape sequence (arrows,
 * PgDn) arrives as its own event; so a multi-character input is read as that many key presses,
 * in order. Alt/Meta combinations and other control characters are ignored.
 */
export function keyStrokes(input: string, key: Key): KeyStroke[] {
	for (const [flag, name] of INK_FLAGS) {
		if (key[flag] === true) return [name];
	}
	if (key.ctrl) return [];
	// Esc and a key pressed quickly reach the terminal as one "ESC q", which Ink reports as Alt+q.
	// No binding uses Alt, so it is read as the two keys the user pressed.
	const strokes: KeyStroke[] = key.meta ? ['escape'] : [];
	for (const character of input) {
		const named = CHARACTER_NAMES[character];
		if (named !== undefined) strokes.push(named);
		else if (character >= ' ') strokes.push(character);
	}
	return strokes;
}

/** The text a pasted event carries: Ink reports a lone pasted line break or tab as a key. */
function pastedText(input: string, key: Key): string {
	if (input !== '') return input;
	if (key.return) return '\n';
	if (key.tab) return '\t';
	return '';
}

/**
 * One Ink input event in, the key presses and pasted text it carries out. Everything between
 * the paste markers is text, never keys, however many events the terminal splits it into.
 */
export function parseKeys(state: KeyParserState, input: string, key: Key): {state: KeyParserState; events: KeyEvent[]} {
	if (state.pasting) {
		if (input === PASTE_END && hasNoFlag(key)) return {state: KEY_PARSER_START, events: []};
		const text = pastedText(input, key);
		return {state, events: text === '' ? [] : [{kind: 'paste', text}]};
	}
	if (input === PASTE_START && hasNoFlag(key)) return {state: {pasting: true}, events: []};
	// An end marker without a start (the start was lost): nothing was typed.
	if (input === PASTE_END && hasNoFlag(key)) return {state, events: []};
	return {state, events: keyStrokes(input, key).map(stroke => ({kind: 'key', stroke}))};
}
