import {Box, Text} from 'ink';
import SelectInput, {type IndicatorProps, type ItemProps} from 'ink-select-input';
import {useMemo, type FC} from 'react';
import {truncateToWidth} from '../../present/text-width.js';
import {filterKey} from '../../core/search/article-filter.js';
import type {PickerState} from '../reader/reader-reducer.js';
import type {Theme} from '../../present/theme.js';

export type FeedPickerProps = {
	picker: PickerState;
	rows: number;
	width: number;
	theme: Theme;
};

function themedParts(theme: Theme): {Indicator: FC<IndicatorProps>; Item: FC<ItemProps>} {
	return {
		Indicator: ({isSelected}) => <Text>{isSelected ? '› ' : '  '}</Text>,
		Item: ({isSelected, label}) => <Text wrap="truncate-end">{isSelected ? theme.selected(label) : label}</Text>,
	};
}

/**
 * "All feeds", each feed and each section, with counts. The highlight is the reader's state, moved
 * by the reader's keys (see key-bindings.ts), so keys typed in a burst ("fjj⏎") act in order;
 * ink-select-input draws the list and its scrolling window, remounted at the highlight on each
 * move. Its items are built once per set of choices: it deep-compares them whenever they change.
 */
export function FeedPicker({picker, rows, width, theme}: FeedPickerProps) {
	const {choices, index} = picker;
	const items = useMemo(
		() => choices.map(choice => ({key: filterKey(choice.filter), label: `${choice.label} (${choice.count})`, value: choice.filter})),
		[choices],
	);
	const parts = useMemo(() => themedParts(theme), [theme]);
	const heading = 'Show which articles?';
	return (
		<Box flexDirection="column" height={rows} width={width}>
			<Text wrap="truncate-end">{theme.header(truncateToWidth(heading, width))}</Text>
			<SelectInput
				key={index}
				items={items}
				initialIndex={index}
				isFocused={false}
				limit={Math.max(1, rows - 1)}
				indicatorComponent={parts.Indicator}
				itemComponent={parts.Item}
			/>
		</Box>
	);
}
