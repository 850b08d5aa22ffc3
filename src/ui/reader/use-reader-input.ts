import {useInput, type Key} from 'ink';
import {useCallback} from 'react';
import {keyStrokes, matchCommand, type KeyStroke} from '../key-bindings.js';
import type {ReaderAction, ReaderState} from './reader-reducer.js';

/** What one key press means in a given state: help closes on any key, otherwise the table decides. */
export function actionForStroke(state: ReaderState, stroke: KeyStroke): ReaderAction | undefined {
	if (state.overlay === 'help') return {type: 'closeOverlay'};
	const command = matchCommand(stroke, state.overlay === 'picker' ? 'picker' : state.screen);
	return command === undefined ? undefined : {type: 'command', command};
}

/**
 * Feeds key presses to the reader, one at a time and in order, each against the state the
 * previous one produced: "fjj⏎" in one burst opens the picker, moves twice and chooses. Keys after
 * quitting are dropped.
 */
export function useReaderInput(current: () => ReaderState, dispatch: (action: ReaderAction) => void): void {
	const handler = useCallback(
		(input: string, key: Key) => {
			for (const stroke of keyStrokes(input, key)) {
				const state = current();
				if (state.quitting) return;
				const action = actionForStroke(state, stroke);
				if (action !== undefined) dispatch(action);
			}
		},
		[current, dispatch],
	);
	useInput(handler);
}
