import type {Article} from '../../core/articles/article.js';
import {ALL_ARTICLES, type ArticleFilter, type FilterChoice, filterChoices, filterKey} from '../../core/search/article-filter.js';
import type {PickerCommand} from '../keys/bindings.js';

/** The picker's choices ("All feeds", each feed, each section, with counts) and the highlighted one. */
export type PickerState = {choices: readonly FilterChoice[]; index: number};

export type PickerAction =
	| {type: Exclude<PickerCommand, 'pickerChoose' | 'pickerCancel'>}
	/** Feeds still loading while the picker is open update its counts; the highlight stays on its choice. */
	| {type: 'articlesChanged'; articles: readonly Article[]};

/** The picker's choices, highlighting `highlight` (or the first) when it is among them. */
export function openPicker(all: readonly Article[], highlight: ArticleFilter): PickerState {
	const choices = filterChoices(all);
	const key = filterKey(highlight);
	return {
		choices,
		index: Math.max(
			0,
			choices.findIndex(choice => filterKey(choice.filter) === key),
		),
	};
}

export function highlightedChoice(picker: PickerState): FilterChoice | undefined {
	return picker.choices[picker.index];
}

/** Moves the highlight, wrapping around at either end as ink-select-input does. */
function moveTo(picker: PickerState, to: (index: number, count: number) => number): PickerState {
	const count = picker.choices.length;
	return count === 0 ? picker : {...picker, index: ((to(picker.index, count) % count) + count) % count};
}

export function pickerReducer(picker: PickerState, action: PickerAction): PickerState {
	switch (action.type) {
		case 'pickerDown':
			return moveTo(picker, index => index + 1);
		case 'pickerUp':
			return moveTo(picker, index => index - 1);
		case 'pickerFirst':
			return moveTo(picker, () => 0);
		case 'pickerLast':
			return moveTo(picker, (_index, count) => count - 1);
		case 'articlesChanged':
			return openPicker(action.articles, highlightedChoice(picker)?.filter ?? ALL_ARTICLES);
	}
}
