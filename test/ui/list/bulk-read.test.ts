import {describe, expect, it} from 'vitest';
import {makeArticles} from '../helpers/articles.js';
import {idsOf, worldOf} from '../reader/reducer-kit.js';

const six = makeArticles(6, index => ({title: `Headline ${index} ${index <= 3 ? 'ferry' : 'tram'}`}));

describe('marking the view read', () => {
	it('marks every unread article in the view read in one change, and says how many', () => {
		const world = worldOf({read: ['a2']});
		const state = world.run(world.load(six), 'markViewRead');
		expect(world.effects).toEqual([{type: 'setReadMany', ids: ['a1', 'a3', 'a4', 'a5', 'a6'], read: true}]);
		expect(state.message).toBe('marked 5 articles read · u undoes');
	});

	it('marks only what the view shows: a search narrows it', () => {
		const world = worldOf();
		world.run(world.load(six), 'search', 'type:tram', 'searchKeep', 'markViewRead');
		expect([...world.read].sort()).toEqual(['a4', 'a5', 'a6']);
	});

	it('undoes it with u, marking unread again exactly the articles it changed', () => {
		const world = worldOf({read: ['a2']});
		const undone = world.run(world.load(six), 'markViewRead', 'undoMarkRead');
		expect([...world.read]).toEqual(['a2']);
		expect(undone.message).toBe('marked 5 articles unread again');
		expect(world.run(undone, 'undoMarkRead').message).toBe('nothing to undo');
	});

	it('keeps one level of undo: a second mark replaces the first', () => {
		const world = worldOf();
		const kept = world.run(world.load(six), 'search', 'type:ferry', 'searchKeep', 'markViewRead', 'clearSearch', 'markViewRead');
		world.run(kept, 'undoMarkRead');
		expect([...world.read].sort()).toEqual(['a1', 'a2', 'a3']);
	});

	it('forgets the undo when any other read mark changes', () => {
		const toggled = worldOf();
		toggled.run(toggled.load(six), 'markViewRead', 'toggleRead', 'undoMarkRead');
		expect(toggled.effects.filter(effect => effect.type === 'setReadMany')).toHaveLength(1);

		const opened = worldOf();
		const loaded = opened.load(six);
		const state = opened.run(
			loaded,
			'search',
			'type:ferry',
			'searchKeep',
			'markViewRead',
			'clearSearch',
			'last',
			'open',
			'back',
			'undoMarkRead',
		);
		expect(state.message).toBe('nothing to undo');
		expect(opened.read.has('a1')).toBe(true);
	});

	it('keeps the undo through moves, views, bookmarks and opening an article already read', () => {
		const world = worldOf();
		const state = world.run(
			world.load(six),
			'markViewRead',
			'moveDown',
			'open',
			'back',
			'toggleBookmark',
			'viewUnread',
			'viewAll',
			'undoMarkRead',
		);
		expect(state.message).toBe('marked 6 articles unread again');
		expect(world.read.size).toBe(0);
	});

	it('says so and keeps the undo when everything shown is read already', () => {
		const world = worldOf();
		const state = world.run(world.load(six), 'markViewRead', 'markViewRead');
		expect(state.message).toBe('every article here is read already');
		expect(idsOf(state.visible)).toHaveLength(6);
		world.run(state, 'undoMarkRead');
		expect(world.read.size).toBe(0);
	});
});
