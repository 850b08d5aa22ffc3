import {Text} from 'ink';
import type {Theme} from '../../present/theme.js';
import type {Hint} from '../keys/keymap.js';
import {hintBarLine} from './chrome-lines.js';

export function HintBar(props: {hints: readonly Hint[]; width: number; theme: Theme}) {
	return <Text wrap="truncate-end">{hintBarLine(props.hints, props.width, props.theme)}</Text>;
}
