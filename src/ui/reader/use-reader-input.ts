import {type Key, useInput} from 'ink';
import {useCallback, useRef} from 'react';
import type {Keymap} from '../keys/keymap.js';
import {KEY_PARSER_START, parseKeys} from '../keys/parse-keys.js';
import {actionForKey} from './reader-input.js';
import type {ReaderAction} from './reader-reducer.js';
import type {ReaderState} from './reader-state.js';

/**
 * Feeds key presses to the reader, one at a time and in order, each against the state the
 * previous one produced: "fjj⏎" in one burst opens the picker, moves twice and chooses. Keys after
 * quitting are dropped.
 */
export function useReaderInput(current: () => ReaderState, dispatch: (action: ReaderAction) => void, keymap: Keymap): void {
	const parser = useRef(KEY_PARSER_START);
	const handler = useCallback(
		(input: string, key: Key) => {
			const parsed = parseKeys(parser.current, input, key);
			parser.current = parsed.state;
			for (const event of parsed.events) {
				const state = current();
				if (state.quitting) return;
				const action = actionForKey(state, event, keymap);
				if (action !== undefined) dispatch(action);
			}
		},
		[current, dispatch, keymap],
	);
	useInput(handler);
}
