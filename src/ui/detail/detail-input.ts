import type {KeyEvent} from '../keys/parse-keys.js';
import type {Keymap} from '../keys/keymap.js';
import type {ReaderAction} from '../reader/reader-reducer.js';

/** A key in the article view means what the table binds it to there; a paste means nothing. */
export function detailInput(event: KeyEvent, keymap: Keymap): ReaderAction | undefined {
	if (event.kind !== 'key') return undefined;
	const command = keymap.match(event.stroke, 'detail');
	return command === undefined ? undefined : {type: 'command', command};
}
