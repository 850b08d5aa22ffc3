import {emptyStoredState, toBookmarkSnapshot, toReadMark, type StoredState} from './stored-state.js';

/** A JSON string followed by `: {` — the start of a keyed object in the file. */
const KEYED_OBJECT = /"((?:[^"\\\n]|\\.)*)"\s*:\s*\{/g;

/** Index of the `}` that closes the object opening at `start`, or -1 when the text ends first. */
function objectEnd(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
			// JSON strings never span lines: a damaged entry must not swallow the rest of the file.
			else if (char === '\n') return -1;
		} else if (char === '"') {
			inString = true;
		} else if (char === '{' || char === '[') {
			depth++;
		} else if (char === '}' || char === ']') {
			depth--;
			if (depth === 0) return index;
		}
	}

	return -1;
}

function parseOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * Best-effort salvage of a state file that is no longer valid JSON (truncated, a line mangled):
 * every `"key": {...}` object that still parses on its own and looks like a read mark
 * (`{at, seen}`) or a bookmark snapshot is kept. The file is written one entry per line, so damage
 * usually costs only the entries it touched.
 */
export function recoverState(text: string): StoredState {
	const state = emptyStoredState();
	for (const match of text.matchAll(KEYED_OBJECT)) {
		const start = match.index + match[0].length - 1;
		const end = objectEnd(text, start);
		if (end === -1) continue;
		const value = parseOrUndefined(text.slice(start, end + 1));
		if (typeof value !== 'object' || value === null) continue;
		const keys = Object.keys(value);
		if (keys.every(key => key === 'at' || key === 'seen')) {
			const id = parseOrUndefined(`"${match[1]}"`);
			const mark = toReadMark(value);
			if (typeof id === 'string' && mark) state.read.set(id, mark);
			continue;
		}

		const snapshot = toBookmarkSnapshot(value);
		if (snapshot) state.bookmarks.set(snapshot.id, snapshot);
	}

	return state;
}
