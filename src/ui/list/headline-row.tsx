import {Text} from 'ink';
import {memo} from 'react';
import {type HeadlineLineProps, headlineLine} from './headline-line.js';

export type HeadlineRowProps = HeadlineLineProps;

// One string per row (not one Ink text node per part): rows are most of what a frame draws.
function HeadlineRowView(props: HeadlineRowProps) {
	return <Text wrap="truncate-end">{headlineLine(props)}</Text>;
}

export const HeadlineRow = memo(HeadlineRowView);
