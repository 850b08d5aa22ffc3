import {Text} from 'ink';
import {displayWidth} from '../../present/text-width.js';
import type {Theme} from '../../present/theme.js';
import type {Hint} from '../keys/keymap.js';

/** As many hints as fit in the width, whole; the rest are in the help (`?`). */
export function HintBar(props: {hints: readonly Hint[]; width: number; theme: Theme}) {
	const {hints, width, theme} = props;
	let used = 0;
	let line = '';
	for (const hint of hints) {
		const gap = used === 0 ? 0 : 2;
		const hintWidth = displayWidth(hint.keys) + 1 + displayWidth(hint.text);
		if (used + gap + hintWidth > width) break;
		line += `${' '.repeat(gap)}${theme.hintKey(hint.keys)} ${theme.hint(hint.text)}`;
		used += gap + hintWidth;
	}
	return <Text wrap="truncate-end">{line}</Text>;
}
