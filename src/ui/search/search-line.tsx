import {Text} from 'ink';
import {displayWidth} from '../../present/text-width.js';
import type {Theme} from '../../present/theme.js';
import type {Hint} from '../keys/keymap.js';

/** The end of `text` that fits in `width` columns: the part being typed stays in view. */
function tailToWidth(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	let start = 0;
	while (start < text.length && displayWidth(text.slice(start)) > width - 1) start++;
	return `…${text.slice(start)}`;
}

/**
 * The query line at the bottom: "/" and the query with a cursor block, the search line's keys on
 * the right when there is room.
 */
export function SearchLine(props: {query: string; hints: readonly Hint[]; width: number; theme: Theme}) {
	const {query, hints, width, theme} = props;
	const hintText = hints.map(hint => `${hint.keys} ${hint.text}`).join('  ');
	const queryRoom = Math.max(1, width - 2);
	const shown = tailToWidth(query, queryRoom);
	const used = 1 + displayWidth(shown) + 1;
	const showHints = hintText !== '' && used + 2 + displayWidth(hintText) <= width;
	const gap = showHints ? ' '.repeat(width - used - displayWidth(hintText)) : '';
	const hintLine = showHints ? hints.map(hint => `${theme.hintKey(hint.keys)} ${theme.hint(hint.text)}`).join('  ') : '';
	return (
		<Text wrap="truncate-end">
			{theme.hintKey('/')}
			{shown}
			{theme.selected(' ')}
			{gap}
			{hintLine}
		</Text>
	);
}
