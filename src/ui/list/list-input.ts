import type {Keymap} from '../keys/keymap.js';
import type {KeyEvent} from '../keys/parse-keys.js';
import type {ReaderAction} from '../reader/reader-reducer.js';

/** A key on the headline list means what the table binds it to there; a paste means nothing. */
export function listInput(event: KeyEvent, keymap: Keymap): ReaderAction | undefined {
	if (event.kind !== 'key') return undefined;
	const command = keymap.match(event.stroke, 'list');
	return command === undefined ? undefined : {type: 'command', command};
}
