import {describe, expect, it} from 'vitest';
import type {Article} from '../../../src/core/articles/article.js';
import type {CommandId} from '../../../src/ui/keys/bindings.js';
import {highlightedChoice, type PickerState} from '../../../src/ui/picker/picker-state.js';
import {type ReaderAction, readerReducer, step} from '../../../src/ui/reader/reader-reducer.js';
import {initialReaderState, type ReaderEnv, type ReaderState, selectedArticle} from '../../../src/ui/reader/reader-state.js';
import {makeArticles} from '../helpers/articles.js';

function envWith(overrides: Partial<ReaderEnv> = {}): ReaderEnv {
	return {listRows: 5, detailRows: 4, detailLineCount: () => 10, isRead: () => false, ...overrides};
}

function loaded(articles: Article[]): ReaderState {
	return readerReducer(initialReaderState(), {type: 'articlesChanged', articles}, envWith());
}

function run(state: ReaderState, commands: CommandId[], env: ReaderEnv = envWith()): ReaderState {
	return commands.reduce((current, command) => readerReducer(current, {type: 'command', command}, env), state);
}

/** The open article's first line on screen, or undefined when no article is open. */
function scrollOf(state: ReaderState): number | undefined {
	return state.screen.kind === 'detail' ? state.screen.scroll : undefined;
}

/** The picker's state while it is the overlay, or undefined. */
function pickerOf(state: ReaderState): PickerState | undefined {
	return state.overlay.kind === 'picker' ? state.overlay : undefined;
}

function highlightedLabel(state: ReaderState): string | undefined {
	const picker = pickerOf(state);
	return picker && highlightedChoice(picker)?.label;
}

const twelve = makeArticles(12);

describe('moving through the headlines', () => {
	it('starts on the newest article', () => {
		expect(selectedArticle(loaded(twelve))?.id).toBe('a1');
	});

	it('moves down and up one headline at a time', () => {
		expect(run(loaded(twelve), ['moveDown', 'moveDown']).cursor).toBe(2);
		expect(run(loaded(twelve), ['moveDown', 'moveDown', 'moveUp']).cursor).toBe(1);
	});

	it('stops at the first and the last headline', () => {
		expect(run(loaded(twelve), ['moveUp']).cursor).toBe(0);
		expect(run(loaded(twelve), ['last', 'moveDown']).cursor).toBe(11);
	});

	it('jumps to the last and back to the first headline', () => {
		expect(run(loaded(twelve), ['last']).cursor).toBe(11);
		expect(run(loaded(twelve), ['last', 'first']).cursor).toBe(0);
	});

	it('pages by the number of rows on screen and stops at the ends', () => {
		expect(run(loaded(twelve), ['pageDown']).cursor).toBe(5);
		expect(run(loaded(twelve), ['pageDown', 'pageDown', 'pageDown']).cursor).toBe(11);
		expect(run(loaded(twelve), ['last', 'pageUp']).cursor).toBe(6);
		expect(run(loaded(twelve), ['pageDown', 'pageUp', 'pageUp']).cursor).toBe(0);
	});

	it('does nothing with movement keys while the list is empty', () => {
		const empty = initialReaderState();
		const after = run(empty, ['moveDown', 'last', 'pageDown', 'open', 'nextArticle']);
		expect(after.cursor).toBe(0);
		expect(after.screen.kind).toBe('list');
	});
});

describe('opening and reading an article', () => {
	it('opens the selected article and asks to mark it read', () => {
		const state = run(loaded(twelve), ['moveDown']);
		const result = step(state, {type: 'command', command: 'open'}, envWith());
		expect(result.state.screen.kind).toBe('detail');
		expect(selectedArticle(result.state)?.id).toBe('a2');
		expect(result.effects).toEqual([{type: 'markRead', article: twelve[1]}]);
	});

	it('goes back to the list with the same article selected', () => {
		const state = run(loaded(twelve), ['moveDown', 'moveDown', 'open', 'back']);
		expect(state.screen.kind).toBe('list');
		expect(selectedArticle(state)?.id).toBe('a3');
	});

	it('scrolls the text line by line and stops where the last line is at the bottom', () => {
		const env = envWith({detailRows: 4, detailLineCount: () => 10});
		expect(scrollOf(run(loaded(twelve), ['open', 'scrollDown', 'scrollDown'], env))).toBe(2);
		expect(scrollOf(run(loaded(twelve), ['open', 'scrollBottom', 'scrollDown'], env))).toBe(6);
		expect(scrollOf(run(loaded(twelve), ['open', 'scrollBottom', 'scrollTop', 'scrollUp'], env))).toBe(0);
	});

	it('scrolls the text by pages', () => {
		const env = envWith({detailRows: 4, detailLineCount: () => 10});
		expect(scrollOf(run(loaded(twelve), ['open', 'scrollPageDown'], env))).toBe(4);
		expect(scrollOf(run(loaded(twelve), ['open', 'scrollPageDown', 'scrollPageDown'], env))).toBe(6);
		expect(scrollOf(run(loaded(twelve), ['open', 'scrollPageDown', 'scrollPageDown', 'scrollPageUp'], env))).toBe(2);
	});

	it('does not scroll an article that fits on the screen', () => {
		const env = envWith({detailRows: 20, detailLineCount: () => 5});
		expect(scrollOf(run(loaded(twelve), ['open', 'scrollDown', 'scrollPageDown', 'scrollBottom'], env))).toBe(0);
	});

	it('opens the next and the previous article from the article view, from the top, marking each read', () => {
		const env = envWith({detailRows: 4, detailLineCount: () => 10});
		const scrolled = run(loaded(twelve), ['open', 'scrollDown'], env);
		const next = step(scrolled, {type: 'command', command: 'nextArticle'}, env);
		expect(selectedArticle(next.state)?.id).toBe('a2');
		expect(scrollOf(next.state)).toBe(0);
		expect(next.effects).toEqual([{type: 'markRead', article: twelve[1]}]);
		const previous = step(next.state, {type: 'command', command: 'previousArticle'}, env);
		expect(selectedArticle(previous.state)?.id).toBe('a1');
		expect(previous.effects).toEqual([{type: 'markRead', article: twelve[0]}]);
	});

	it('says so when there is no next or previous article', () => {
		const atEnd = run(loaded(twelve), ['last', 'open', 'nextArticle']);
		expect(selectedArticle(atEnd)?.id).toBe('a12');
		expect(atEnd.message).toBe('this is the last article');
		const atStart = run(loaded(twelve), ['open', 'previousArticle']);
		expect(atStart.message).toBe('this is the first article');
	});
});

describe('next unread', () => {
	it('moves the cursor to the next unread headline, skipping read ones', () => {
		const read = new Set(['a2', 'a3']);
		const state = run(loaded(twelve), ['nextUnread'], envWith({isRead: id => read.has(id)}));
		expect(selectedArticle(state)?.id).toBe('a4');
	});

	it('wraps around to the top', () => {
		const unread = new Set(['a2']);
		const state = run(loaded(twelve), ['pageDown', 'nextUnread'], envWith({isRead: id => !unread.has(id)}));
		expect(selectedArticle(state)?.id).toBe('a2');
	});

	it('says "no unread articles" and stays put when everything is read', () => {
		const state = run(loaded(twelve), ['moveDown', 'nextUnread'], envWith({isRead: () => true}));
		expect(state.cursor).toBe(1);
		expect(state.message).toBe('no unread articles');
	});

	it('opens the next unread article when used in the article view', () => {
		const unread = new Set(['a5']);
		const result = step(run(loaded(twelve), ['open']), {type: 'command', command: 'nextUnread'}, envWith({isRead: id => !unread.has(id)}));
		expect(result.state.screen.kind).toBe('detail');
		expect(selectedArticle(result.state)?.id).toBe('a5');
		expect(result.effects).toEqual([{type: 'markRead', article: twelve[4]}]);
	});

	it('clears the message on the next command', () => {
		const state = run(loaded(twelve), ['nextUnread', 'moveDown'], envWith({isRead: () => true}));
		expect(state.message).toBeNull();
	});
});

describe('previous unread', () => {
	it('moves the cursor to the previous unread headline, skipping read ones, and wraps to the bottom', () => {
		const unread = new Set(['a2', 'a9']);
		const env = envWith({isRead: id => !unread.has(id)});
		expect(selectedArticle(run(loaded(twelve), ['last', 'previousUnread'], env))?.id).toBe('a9');
		expect(selectedArticle(run(loaded(twelve), ['last', 'previousUnread', 'previousUnread'], env))?.id).toBe('a2');
		expect(selectedArticle(run(loaded(twelve), ['moveDown', 'previousUnread'], env))?.id).toBe('a9');
	});

	it('opens the previous unread article when used in the article view', () => {
		const unread = new Set(['a3']);
		const reading = run(loaded(twelve), ['last', 'open']);
		const result = step(reading, {type: 'command', command: 'previousUnread'}, envWith({isRead: id => !unread.has(id)}));
		expect(selectedArticle(result.state)?.id).toBe('a3');
		expect(result.effects).toEqual([{type: 'markRead', article: twelve[2]}]);
	});

	it('says so when nothing is unread', () => {
		expect(run(loaded(twelve), ['previousUnread'], envWith({isRead: () => true})).message).toBe('no unread articles');
	});
});

describe('bookmarks, read marks and quitting', () => {
	it('asks to toggle the bookmark and the read mark of the selected article, in the list and the article', () => {
		const inList = run(loaded(twelve), ['moveDown']);
		expect(step(inList, {type: 'command', command: 'toggleBookmark'}, envWith()).effects).toEqual([
			{type: 'toggleBookmark', article: twelve[1]},
		]);
		expect(step(inList, {type: 'command', command: 'toggleRead'}, envWith()).effects).toEqual([{type: 'toggleRead', article: twelve[1]}]);
		const inDetail = run(inList, ['open']);
		expect(step(inDetail, {type: 'command', command: 'toggleBookmark'}, envWith()).effects).toEqual([
			{type: 'toggleBookmark', article: twelve[1]},
		]);
	});

	it('asks for nothing when there is no article to bookmark', () => {
		expect(step(initialReaderState(), {type: 'command', command: 'toggleBookmark'}, envWith()).effects).toEqual([]);
	});

	it('quits with a quit effect and remembers it is quitting', () => {
		const result = step(loaded(twelve), {type: 'command', command: 'quit'}, envWith());
		expect(result.effects).toEqual([{type: 'quit'}]);
		expect(result.state.quitting).toBe(true);
	});
});

describe('overlays and filters', () => {
	it('opens and closes the help', () => {
		expect(run(loaded(twelve), ['help']).overlay.kind).toBe('help');
		expect(run(loaded(twelve), ['help', 'help']).overlay.kind).toBe('none');
		expect(readerReducer(run(loaded(twelve), ['help']), {type: 'closeOverlay'}, envWith()).overlay.kind).toBe('none');
	});

	it("turns the help's pages, starting from the first each time it opens", () => {
		const turned = readerReducer(
			readerReducer(run(loaded(twelve), ['help']), {type: 'helpPage'}, envWith()),
			{type: 'helpPage'},
			envWith(),
		);
		expect(turned.overlay).toEqual({kind: 'help', page: 2});
		expect(run(turned, ['help', 'help']).overlay).toEqual({kind: 'help', page: 0});
	});

	it('opens the picker, and choosing a section filters the list and closes it', () => {
		const articles = makeArticles(6, index => ({section: index % 2 === 0 ? 'Bota' : 'Sport'}));
		const picking = run(loaded(articles), ['feeds']);
		expect(picking.overlay.kind).toBe('picker');
		const filtered = readerReducer(picking, {type: 'filterChosen', filter: {kind: 'section', section: 'Bota'}}, envWith());
		expect(filtered.overlay.kind).toBe('none');
		expect(filtered.visible.map(article => article.id)).toEqual(['a2', 'a4', 'a6']);
		expect(filtered.all).toHaveLength(6);
	});

	it('moves the picker highlight in order, wraps around, and chooses the highlighted filter', () => {
		const articles = makeArticles(6, index => ({section: index % 2 === 0 ? 'Bota' : 'Sport'}));
		const picking = run(loaded(articles), ['feeds']);
		expect(pickerOf(picking)?.choices.map(choice => choice.label)).toEqual([
			'All feeds',
			'Feed · Flash News',
			'Section · Bota',
			'Section · Sport',
		]);
		expect(pickerOf(picking)?.index).toBe(0);
		expect(pickerOf(run(picking, ['pickerUp']))?.index).toBe(3);
		expect(pickerOf(run(picking, ['pickerLast', 'pickerDown']))?.index).toBe(0);
		const chosen = run(picking, ['pickerDown', 'pickerDown', 'pickerChoose']);
		expect(chosen.filter).toEqual({kind: 'section', section: 'Bota'});
		expect(chosen.overlay).toEqual({kind: 'none'});
		// Reopened, it starts on the filter in use.
		expect(pickerOf(run(chosen, ['feeds']))?.index).toBe(2);
		expect(run(chosen, ['feeds', 'pickerCancel'])).toMatchObject({overlay: {kind: 'none'}, filter: {kind: 'section', section: 'Bota'}});
	});

	it("updates the picker's counts when feeds arrive while it is open, keeping the highlight on its choice", () => {
		const first = makeArticles(4, index => ({section: 'Sport', id: `s${index}`}));
		const picking = run(loaded(first), ['feeds', 'pickerLast']);
		expect(highlightedLabel(picking)).toBe('Section · Sport');
		const more = [...first, ...makeArticles(3, index => ({section: 'Bota', id: `b${index}`}))];
		const updated = readerReducer(picking, {type: 'articlesChanged', articles: more}, envWith());
		expect(pickerOf(updated)?.choices.map(choice => `${choice.label} ${choice.count}`)).toEqual([
			'All feeds 7',
			'Feed · Flash News 7',
			'Section · Bota 3',
			'Section · Sport 4',
		]);
		expect(highlightedLabel(updated)).toBe('Section · Sport');
	});

	it('keeps the selected article selected when a filter still lists it', () => {
		const articles = makeArticles(6, index => ({feed: index <= 2 ? 'Other' : 'Flash News'}));
		const onFourth = run(loaded(articles), ['moveDown', 'moveDown', 'moveDown']);
		const filtered = readerReducer(onFourth, {type: 'filterChosen', filter: {kind: 'feed', feed: 'Flash News'}}, envWith());
		expect(selectedArticle(filtered)?.id).toBe('a4');
	});
});

describe('articles arriving while the user reads', () => {
	it('keeps the cursor on the same article when newer articles arrive above it', () => {
		const older = makeArticles(10).slice(5);
		const onSecond = run(loaded(older), ['moveDown']);
		expect(selectedArticle(onSecond)?.id).toBe('a7');
		const merged = readerReducer(onSecond, {type: 'articlesChanged', articles: makeArticles(10)}, envWith());
		expect(selectedArticle(merged)?.id).toBe('a7');
		expect(merged.cursor).toBe(6);
	});

	it('keeps the newest article selected when feeds arrive while the cursor rests on top', () => {
		const older = makeArticles(10).slice(5);
		const merged = readerReducer(loaded(older), {type: 'articlesChanged', articles: makeArticles(10)}, envWith());
		expect(merged.cursor).toBe(0);
		expect(selectedArticle(merged)?.id).toBe('a1');
	});

	it('keeps the open article open when more feeds load', () => {
		const older = makeArticles(10).slice(5);
		const reading = run(loaded(older), ['open']);
		const merged = readerReducer(reading, {type: 'articlesChanged', articles: makeArticles(10)}, envWith());
		expect(merged.screen.kind).toBe('detail');
		expect(selectedArticle(merged)?.id).toBe('a6');
	});
});

describe('bursts of keys', () => {
	it('acts on each key against the state the previous one left', () => {
		const actions: ReaderAction[] = ['moveDown', 'moveDown', 'open', 'nextArticle', 'back', 'moveUp'].map(command => ({
			type: 'command',
			command: command as CommandId,
		}));
		const final = actions.reduce((state, action) => readerReducer(state, action, envWith()), loaded(twelve));
		expect(final.screen.kind).toBe('list');
		expect(selectedArticle(final)?.id).toBe('a3');
	});

	it('marks the article opened after a move, not the one selected before it', () => {
		let state = loaded(twelve);
		const effects = [];
		for (const command of ['moveDown', 'open'] as const) {
			const result = step(state, {type: 'command', command}, envWith());
			state = result.state;
			effects.push(...result.effects);
		}
		expect(effects).toEqual([{type: 'markRead', article: twelve[1]}]);
	});
});
