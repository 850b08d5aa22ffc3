import type {KeyEvent} from '../keys/parse-keys.js';
import type {ReaderAction} from '../reader/reader-reducer.js';

/** Space (or PgDn) turns the help's page; any other key closes it without acting on it; a paste is not a key. */
export function helpInput(event: KeyEvent): ReaderAction | undefined {
	if (event.kind !== 'key') return undefined;
	return event.stroke === 'space' || event.stroke === 'pagedown' ? {type: 'helpPage'} : {type: 'closeOverlay'};
}
