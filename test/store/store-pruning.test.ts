import fs from 'node:fs';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {openStore, PRUNE_READ_AFTER_MS} from '../../src/store/open-store.js';
import {article, makeTempDir, removeTempDirs} from './store-fixtures.js';

afterEach(removeTempDirs);

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-01-01T00:00:00Z');

it('prunes read marks after 90 days out of every loaded feed, and never prunes bookmarks', () => {
	expect(PRUNE_READ_AFTER_MS).toBe(90 * DAY);
	const dir = makeTempDir();
	let now = start;
	const session = (work: (store: ReturnType<typeof openStore>) => void) => {
		const store = openStore({configDir: dir, now: () => now});
		work(store);
		store.close();
	};

	session(store => {
		store.setRead('still-in-feed', true);
		store.setRead('gone-from-feeds', true);
		store.setRead('bookmarked-and-gone', true);
		store.setBookmark(article('bookmarked-and-gone'), true);
	});
	now = start + 60 * DAY;
	session(store => store.noteSeen(['still-in-feed', 'not-read-at-all']));
	now = start + 120 * DAY;
	session(store => {
		store.setRead('new', true);
		store.noteSeen(['new']);
	});

	const store = openStore({configDir: dir, now: () => now});
	expect(store.isRead('still-in-feed')).toBe(true);
	expect(store.isRead('gone-from-feeds')).toBe(false);
	expect(store.isRead('bookmarked-and-gone')).toBe(false);
	expect(store.isBookmarked('bookmarked-and-gone')).toBe(true);
	expect(store.isRead('new')).toBe(true);
	store.close();
	const written = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
	expect(written).not.toContain('not-read-at-all');
	expect(written).not.toContain('"gone-from-feeds"');
});

it('keeps a read mark that was last seen less than 90 days ago', () => {
	const dir = makeTempDir();
	let now = start;
	const first = openStore({configDir: dir, now: () => now});
	first.setRead('a', true);
	first.close();
	now = start + 89 * DAY;
	const second = openStore({configDir: dir, now: () => now});
	second.setRead('b', true);
	second.close();
	const third = openStore({configDir: dir, now: () => now});
	expect(third.isRead('a') && third.isRead('b')).toBe(true);
	third.close();
});

it('drops pruned marks from the running view too, and tells subscribers', () => {
	const dir = makeTempDir();
	let now = start;
	const first = openStore({configDir: dir, now: () => now});
	first.setRead('old', true);
	first.close();
	now = start + 91 * DAY;
	const store = openStore({configDir: dir, now: () => now});
	expect(store.isRead('old')).toBe(true);
	let notified = 0;
	store.subscribe(() => notified++);
	store.setRead('new', true);
	store.noteSeen(['new']);
	store.flush();
	expect(store.isRead('old')).toBe(false);
	expect(notified).toBe(2);
	store.close();
});

it('prunes nothing before this run has loaded its feeds, however old the marks', () => {
	const dir = makeTempDir();
	let now = start;
	const first = openStore({configDir: dir, now: () => now});
	first.setRead('old-but-still-in-its-feed', true);
	first.close();
	now = start + 200 * DAY;
	// A mark made while a large feed is still loading, then a compaction before noteSeen.
	const second = openStore({configDir: dir, now: () => now});
	second.setRead('new', true);
	second.flush();
	expect(second.isRead('old-but-still-in-its-feed')).toBe(true);
	second.noteSeen(['old-but-still-in-its-feed', 'new']);
	second.close();
	const third = openStore({configDir: dir, now: () => now});
	expect(third.isRead('old-but-still-in-its-feed')).toBe(true);
	third.close();
});
