import {useInput, type Key} from 'ink';
import {useCallback} from 'react';
import {keyStrokes, matchCommand, type KeyStroke} from '../key-bindings.js';
import type {ReaderAction, ReaderState} from './reader-reducer.js';

/** What one key press means in a given state: help closes on any key, otherwise the table decides. */
export function actionForStroke(state: ReaderState, stroke: KeyStroke): ReaderAction | undefined {
	if (state.overlay === 'help') return {type: 'closeOverlay'};
	if (state.overlay === 'picker') return undefined;
	const command = matchCommand(stroke, state.screen);
	return command === undefined ? undefined : {type: 'command', command};
}

/**
 * Feeds key presses to the reader, one at a time and in order, each against the state the
 * previous one produced. Keys after quitting, or after the picker opened within the same burst,
 * are dropped: the picker reads its own keys once it is on screen.
 */
export function useReaderInput(
	current: () => ReaderState,
	dispatch: (action: ReaderAction) => void,
	isActive: boolean,
): void {
	const handler = useCallback(
		(input: string, key: Key) => {
			for (const stroke of keyStrokes(input, key)) {
				const state = current();
				if (state.quitting || state.overlay === 'picker') return;
				const action = actionForStroke(state, stroke);
				if (action !== undefined) dispatch(action);
			}
		},
		[current, dispatch],
	);
	useInput(handler, {isActive});
}
