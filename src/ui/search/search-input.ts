import type {Keymap} from '../keys/keymap.js';
import type {KeyEvent} from '../keys/parse-keys.js';
import type {ReaderAction} from '../reader/reader-reducer.js';

/**
 * On the search line, the table's search keys (Enter, Esc, Backspace, arrows) act; any other
 * character, and every paste, is typed into the query.
 */
export function searchInput(event: KeyEvent, keymap: Keymap): ReaderAction | undefined {
	if (event.kind === 'paste') return {type: 'searchType', text: event.text};
	const command = keymap.match(event.stroke, 'search');
	if (command !== undefined) return {type: 'command', command};
	if (event.stroke === 'space') return {type: 'searchType', text: ' '};
	return [...event.stroke].length === 1 ? {type: 'searchType', text: event.stroke} : undefined;
}
