import {describe, expect, it} from 'vitest';
import {selectedArticle} from '../../../src/ui/reader/reader-state.js';
import {viewLabel} from '../../../src/ui/views/view-labels.js';
import {sortByFeed} from '../../../src/ui/views/view-state.js';
import {makeArticle, makeArticles} from '../helpers/articles.js';
import {idsOf, worldOf} from '../reader/reducer-kit.js';

// a1…a6, newest first, from two feeds in turn; a2 and a5 are read.
const six = makeArticles(6, index => ({
	feed: index % 2 === 1 ? 'Wire' : 'Daily',
	title: `Headline ${index} ${index <= 3 ? 'ferry' : 'tram'}`,
}));

describe('views', () => {
	it('shows only unread articles, and all of them again', () => {
		const world = worldOf({read: ['a2', 'a5']});
		const unread = world.run(world.load(six), 'viewUnread');
		expect(unread.scope).toBe('unread');
		expect(idsOf(unread.visible)).toEqual(['a1', 'a3', 'a4', 'a6']);
		expect(idsOf(world.run(unread, 'viewAll').visible)).toEqual(idsOf(six));
	});

	it('keeps an article in the unread view after it is read there, until the view is chosen again', () => {
		const world = worldOf();
		const reading = world.run(world.load(six), 'viewUnread', 'moveDown', 'open', 'back');
		expect(world.read.has('a2')).toBe(true);
		expect(idsOf(reading.visible)).toContain('a2');
		expect(selectedArticle(reading)?.id).toBe('a2');
		// Feeds arriving meanwhile do not take it away either.
		const arrived = world.dispatch(reading, {type: 'articlesChanged', articles: [makeArticle(0), ...six]});
		expect(idsOf(arrived.visible)).toEqual(['a0', ...idsOf(six)]);
		expect(idsOf(world.run(arrived, 'viewUnread').visible)).not.toContain('a2');
	});

	it('lists the saved snapshots, newest first, even when the article has left its feed', () => {
		const gone = makeArticle(9, {title: 'An article its feed has dropped', feed: 'Closed Feed'});
		const world = worldOf({bookmarks: [six[4]!, gone, six[0]!]});
		const saved = world.run(world.load(six), 'viewSaved');
		expect(saved.scope).toBe('saved');
		expect(idsOf(saved.visible)).toEqual(['a1', 'a5', 'a9']);
		const opened = world.run(saved, 'last', 'open');
		expect(opened.screen.kind).toBe('detail');
		expect(selectedArticle(opened)?.title).toBe('An article its feed has dropped');
	});

	it('keeps the saved view as it is while feeds arrive, and takes in new bookmarks when chosen again', () => {
		const world = worldOf({bookmarks: [six[0]!]});
		const saved = world.run(world.load(six), 'viewSaved');
		const arrived = world.dispatch(saved, {type: 'articlesChanged', articles: []});
		expect(idsOf(arrived.visible)).toEqual(['a1']);
		world.bookmarks.push(six[2]!);
		expect(idsOf(world.run(arrived, 'viewSaved').visible)).toEqual(['a1', 'a3']);
	});

	it('combines a view with a feed from the picker and with a search', () => {
		const world = worldOf({read: ['a3']});
		const unread = world.run(world.load(six), 'viewUnread');
		const wire = world.dispatch(unread, {type: 'filterChosen', filter: {kind: 'feed', feed: 'Wire'}});
		expect(idsOf(wire.visible)).toEqual(['a1', 'a5']);
		const searched = world.run(wire, 'search', 'type:ferry', 'searchKeep');
		expect(idsOf(searched.visible)).toEqual(['a1']);
		// Switching the view keeps the search on.
		expect(idsOf(world.run(searched, 'viewAll').visible)).toEqual(['a1', 'a2', 'a3']);
	});

	it('keeps the selected article selected when the new view lists it, else selects the first', () => {
		const world = worldOf({read: ['a2']});
		const onFourth = world.run(world.load(six), 'moveDown', 'moveDown', 'moveDown');
		const unread = world.run(onFourth, 'viewUnread');
		expect(selectedArticle(unread)?.id).toBe('a4');
		const onSecond = world.run(world.load(six), 'moveDown', 'viewUnread');
		expect(unread.cursor).toBe(2);
		expect(onSecond.cursor).toBe(0);
	});

	it('sorts by feed and back by date with one key, keeping the selection', () => {
		const world = worldOf();
		const byFeed = world.run(world.load(six), 'moveDown', 'toggleSort');
		expect(byFeed.sort).toBe('feed');
		expect(byFeed.message).toBe('sorted by feed');
		expect(idsOf(byFeed.visible)).toEqual(['a2', 'a4', 'a6', 'a1', 'a3', 'a5']);
		expect(selectedArticle(byFeed)?.id).toBe('a2');
		const byDate = world.run(byFeed, 'toggleSort');
		expect(idsOf(byDate.visible)).toEqual(idsOf(six));
		expect(byDate.message).toBe('sorted by date');
	});
});

describe('view names', () => {
	it('names the view, its feed or section and its order for the header', () => {
		expect(viewLabel({scope: 'all', filter: {kind: 'all'}, sort: 'date'}, '3 feeds')).toBe('3 feeds');
		expect(viewLabel({scope: 'unread', filter: {kind: 'all'}, sort: 'date'}, '3 feeds')).toBe('Unread');
		expect(viewLabel({scope: 'saved', filter: {kind: 'feed', feed: 'Wire'}, sort: 'feed'}, '3 feeds')).toBe('Saved · Wire · by feed');
		expect(viewLabel({scope: 'all', filter: {kind: 'section', section: 'Sport'}, sort: 'date'}, '3 feeds')).toBe('Section: Sport');
	});

	it("groups feeds alphabetically whatever their case, keeping each feed's order", () => {
		const mixed = [
			makeArticle(1, {feed: 'Wire'}),
			makeArticle(2, {feed: 'daily'}),
			makeArticle(3, {feed: 'Wire'}),
			makeArticle(4, {feed: 'Bench'}),
			makeArticle(5, {feed: 'daily'}),
		];
		expect(idsOf(sortByFeed(mixed))).toEqual(['a4', 'a2', 'a5', 'a1', 'a3']);
	});
});
