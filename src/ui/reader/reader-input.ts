import {detailInput} from '../detail/detail-input.js';
import {helpInput} from '../help/help-input.js';
import type {Keymap} from '../keys/keymap.js';
import type {KeyEvent} from '../keys/parse-keys.js';
import {listInput} from '../list/list-input.js';
import {pickerInput} from '../picker/picker-input.js';
import {searchInput} from '../search/search-input.js';
import type {ReaderAction} from './reader-reducer.js';
import type {ReaderState} from './reader-state.js';

/** What one key press or paste means in a given state: the overlay on top reads it, else the screen. */
export function actionForKey(state: ReaderState, event: KeyEvent, keymap: Keymap): ReaderAction | undefined {
	switch (state.overlay.kind) {
		case 'help':
			return helpInput(event);
		case 'picker':
			return pickerInput(event, keymap);
		case 'search':
			return searchInput(event, keymap);
		case 'none':
			return state.screen.kind === 'detail' ? detailInput(event, keymap) : listInput(event, keymap);
	}
}
