import {Text} from 'ink';
import type {Theme} from '../../present/theme.js';
import {statusLineText} from './chrome-lines.js';
import type {Segment} from './segments.js';

/** The one status line: a message from the last key, loading progress, failed feeds, store notices. */
export function StatusLine(props: {segments: readonly Segment[]; width: number; theme: Theme}) {
	return <Text wrap="truncate-end">{statusLineText(props.segments, props.width, props.theme)}</Text>;
}
