import {afterEach, describe, expect, it} from 'vitest';
import {createMemoryStore} from '../../src/store/memory-store.js';
import {closeStoresAndDirs, makeTempDir, openIn} from './store-fixtures.js';

afterEach(() => closeStoresAndDirs());

describe('marking many articles at once', () => {
	it('returns only the ids whose mark changed, and tells subscribers once', () => {
		const store = createMemoryStore();
		store.setRead('b', true);
		let told = 0;
		store.subscribe(() => told++);
		expect(store.setReadMany(['a', 'b', 'c'], true)).toEqual(['a', 'c']);
		expect(told).toBe(1);
		expect(store.setReadMany(['a', 'b', 'c'], true)).toEqual([]);
		expect(told).toBe(1);
		expect(store.setReadMany(['a', 'c', 'x'], false)).toEqual(['a', 'c']);
		expect(['a', 'b', 'c'].map(id => store.isRead(id))).toEqual([false, true, false]);
	});

	it('keeps the marks across closing and reopening, and their undoing too', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		expect(first.setReadMany(['a', 'b', 'c'], true)).toEqual(['a', 'b', 'c']);
		first.close();
		const second = openIn(dir);
		expect(['a', 'b', 'c'].map(id => second.isRead(id))).toEqual([true, true, true]);
		second.setReadMany(['a', 'b'], false);
		second.close();
		const third = openIn(dir);
		expect(['a', 'b', 'c'].map(id => third.isRead(id))).toEqual([false, false, true]);
	});
});
