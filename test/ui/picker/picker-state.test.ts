import {describe, expect, it} from 'vitest';
import {ALL_ARTICLES} from '../../../src/core/search/article-filter.js';
import {highlightedChoice, openPicker, type PickerState, pickerReducer} from '../../../src/ui/picker/picker-state.js';
import {makeArticles} from '../helpers/articles.js';

const articles = makeArticles(6, index => ({section: index % 2 === 0 ? 'Bota' : 'Sport'}));

function move(picker: PickerState, ...types: Array<'pickerDown' | 'pickerUp' | 'pickerFirst' | 'pickerLast'>): PickerState {
	return types.reduce((current, type) => pickerReducer(current, {type}), picker);
}

describe('the picker reducer', () => {
	it('opens on the filter in use, or on "All feeds" when that filter is gone', () => {
		expect(highlightedChoice(openPicker(articles, {kind: 'section', section: 'Bota'}))?.label).toBe('Section · Bota');
		expect(highlightedChoice(openPicker(articles, {kind: 'feed', feed: 'Gone'}))?.label).toBe('All feeds');
	});

	it('moves the highlight, wrapping around at either end', () => {
		const picker = openPicker(articles, ALL_ARTICLES);
		expect(picker.choices).toHaveLength(4);
		expect(move(picker, 'pickerUp').index).toBe(3);
		expect(move(picker, 'pickerLast', 'pickerDown').index).toBe(0);
		expect(move(picker, 'pickerDown', 'pickerDown', 'pickerFirst').index).toBe(0);
	});

	it('keeps the highlight on its choice when new articles change the list of choices', () => {
		const picker = move(openPicker(articles, ALL_ARTICLES), 'pickerLast');
		const more = [...makeArticles(2, index => ({id: `n${index}`, section: 'Arts'})), ...articles];
		const updated = pickerReducer(picker, {type: 'articlesChanged', articles: more});
		expect(updated.choices.map(choice => choice.label)).toContain('Section · Arts');
		expect(highlightedChoice(updated)?.label).toBe('Section · Sport');
	});

	it('stays put with no choices to move through', () => {
		const empty: PickerState = {choices: [], index: 0};
		expect(move(empty, 'pickerDown', 'pickerLast')).toBe(empty);
	});
});
