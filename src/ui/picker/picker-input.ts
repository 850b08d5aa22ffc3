import type {Keymap} from '../keys/keymap.js';
import type {KeyEvent} from '../keys/parse-keys.js';
import type {ReaderAction} from '../reader/reader-reducer.js';

/** The picker takes only its own keys from the table: the reader's global keys do nothing here. */
export function pickerInput(event: KeyEvent, keymap: Keymap): ReaderAction | undefined {
	if (event.kind !== 'key') return undefined;
	const command = keymap.match(event.stroke, 'picker');
	return command === undefined ? undefined : {type: 'command', command};
}
