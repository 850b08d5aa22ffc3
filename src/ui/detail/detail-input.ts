import type {Keymap} from '../keys/keymap.js';
import type {KeyEvent} from '../keys/parse-keys.js';
import type {ReaderAction} from '../reader/reader-reducer.js';

/**
 * A key in the article view means what the table binds it to there; an unbound digit picks a
 * numbered link for the link commands (`2` then `o`); a paste means nothing.
 */
export function detailInput(event: KeyEvent, keymap: Keymap): ReaderAction | undefined {
	if (event.kind !== 'key') return undefined;
	const command = keymap.match(event.stroke, 'detail');
	if (command !== undefined) return {type: 'command', command};
	return /^[0-9]$/.test(event.stroke) ? {type: 'linkDigit', digit: Number(event.stroke)} : undefined;
}
