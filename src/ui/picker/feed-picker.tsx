import {Box, Text} from 'ink';
import SelectInput, {type IndicatorProps, type ItemProps} from 'ink-select-input';
import {type FC, useMemo} from 'react';
import {type ArticleFilter, filterKey} from '../../core/search/article-filter.js';
import {truncateToWidth} from '../../present/text-width.js';
import type {Theme} from '../../present/theme.js';
import {visibleWindow} from '../layout/page-window.js';
import type {PickerState} from './picker-state.js';

export type FeedPickerProps = {
	picker: PickerState;
	rows: number;
	width: number;
	theme: Theme;
	/** Unread count and refresh state per feed title (feed-notes.ts). */
	notes?: ReadonlyMap<string, string>;
};

type PickerItem = {key: string; label: string; value: ArticleFilter};

// ink-select-input takes its indicator and item as components; they are made once per theme.
function themedParts(theme: Theme): {Indicator: FC<IndicatorProps>; Item: FC<ItemProps>} {
	return {
		// Never shrunk: beside a label longer than the row, the label is what gives way.
		Indicator: ({isSelected}) => (
			<Box flexShrink={0}>
				<Text>{isSelected ? '› ' : '  '}</Text>
			</Box>
		),
		Item: ({isSelected, label}) => <Text wrap="truncate-end">{isSelected ? theme.selected(label) : label}</Text>,
	};
}

/**
 * "All feeds", each feed and each section, with counts. The highlight is the reader's state
 * (picker-state.ts), moved by keys from the bindings table, so keys typed in a burst ("fjj⏎") act
 * in order. ink-select-input only draws, unfocused: it is given the page of choices on screen
 * (the same page windows as the headline list) and the highlight as its `initialIndex`, remounted
 * when the highlight moves. The page's items are one array per page: the component deep-compares
 * its items on every mount and change, which over every choice would cost a frame per key.
 */
export function FeedPicker({picker, rows, width, theme, notes}: FeedPickerProps) {
	const {choices, index} = picker;
	const pageRows = Math.max(1, rows - 1);
	const {start, end} = visibleWindow(index, pageRows, choices.length);
	const items = useMemo<PickerItem[]>(
		() =>
			choices.slice(start, end).map(choice => {
				const note = choice.filter.kind === 'feed' ? notes?.get(choice.filter.feed) : undefined;
				return {
					key: filterKey(choice.filter),
					label: `${choice.label} (${choice.count})${note === undefined ? '' : ` · ${note}`}`,
					value: choice.filter,
				};
			}),
		[choices, start, end, notes],
	);
	const parts = useMemo(() => themedParts(theme), [theme]);
	const heading = 'Show which articles?';
	return (
		<Box flexDirection="column" height={rows} width={width}>
			<Text wrap="truncate-end">{theme.header(truncateToWidth(heading, width))}</Text>
			<SelectInput
				key={index}
				items={items}
				initialIndex={index - start}
				isFocused={false}
				indicatorComponent={parts.Indicator}
				itemComponent={parts.Item}
			/>
		</Box>
	);
}
