import {Text} from 'ink';
import type {Theme} from '../../present/theme.js';
import {type ArticleCounts, headerLine} from './chrome-lines.js';

export function Header(props: {label: string; counts: ArticleCounts; width: number; theme: Theme}) {
	return <Text wrap="truncate-end">{headerLine(props.label, props.counts, props.width, props.theme)}</Text>;
}
