import type {KeyEvent} from '../keys/parse-keys.js';
import type {ReaderAction} from '../reader/reader-reducer.js';

/** Any key closes the help without acting on it; a paste is not a key. */
export function helpInput(event: KeyEvent): ReaderAction | undefined {
	return event.kind === 'key' ? {type: 'closeOverlay'} : undefined;
}
