import {Text} from 'ink';
import type {Theme} from '../../present/theme.js';
import {fitSegments, type Segment} from './segments.js';

/** The one status line: a message from the last key, loading progress, failed feeds, store notices. */
export function StatusLine(props: {segments: readonly Segment[]; width: number; theme: Theme}) {
	const separated = props.segments.flatMap((segment, index) =>
		index === 0 ? [segment] : [{text: '  ', style: 'plain'} as const, segment],
	);
	return <Text wrap="truncate-end">{fitSegments(separated, props.width, props.theme)}</Text>;
}
