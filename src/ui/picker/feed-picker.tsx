import {Box, Text, useInput} from 'ink';
import SelectInput, {type IndicatorProps, type ItemProps} from 'ink-select-input';
import {useMemo, type FC} from 'react';
import {truncateToWidth} from '../../core/text-width.js';
import {filterKey, type ArticleFilter, type FilterChoice} from '../reader/article-filter.js';
import type {Theme} from '../theme.js';

export type FeedPickerProps = {
	/** Must keep its identity between renders (build it with useMemo): see below. */
	choices: readonly FilterChoice[];
	current: ArticleFilter;
	rows: number;
	width: number;
	theme: Theme;
	onChoose(filter: ArticleFilter): void;
	onCancel(): void;
};

function themedParts(theme: Theme): {Indicator: FC<IndicatorProps>; Item: FC<ItemProps>} {
	return {
		Indicator: ({isSelected}) => <Text>{isSelected ? '› ' : '  '}</Text>,
		Item: ({isSelected, label}) => <Text wrap="truncate-end">{isSelected ? theme.selected(label) : label}</Text>,
	};
}

/**
 * "All feeds", each feed and each section, with counts; Enter filters the list, Esc closes.
 * ink-select-input compares its items on every change of the array, and resets its highlight
 * when they differ, so the items are built once per `choices` and never per render.
 */
export function FeedPicker({choices, current, rows, width, theme, onChoose, onCancel}: FeedPickerProps) {
	const items = useMemo(
		() => choices.map(choice => ({key: filterKey(choice.filter), label: `${choice.label} (${choice.count})`, value: choice.filter})),
		[choices],
	);
	const initialIndex = useMemo(() => {
		const currentKey = filterKey(current);
		return Math.max(0, choices.findIndex(choice => filterKey(choice.filter) === currentKey));
		// Only where the highlight starts; later changes of `current` close the picker anyway.
	}, [choices]);
	const parts = useMemo(() => themedParts(theme), [theme]);
	useInput((_input, key) => {
		if (key.escape) onCancel();
	});
	const heading = 'Show which articles? (⏎ choose, Esc cancel)';
	return (
		<Box flexDirection="column" height={rows} width={width}>
			<Text wrap="truncate-end">{theme.header(truncateToWidth(heading, width))}</Text>
			<SelectInput
				items={items}
				initialIndex={initialIndex}
				limit={Math.max(1, rows - 1)}
				indicatorComponent={parts.Indicator}
				itemComponent={parts.Item}
				onSelect={item => onChoose(item.value)}
			/>
		</Box>
	);
}
