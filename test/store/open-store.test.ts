import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore} from '../../src/store/open-store.js';
import {article, closeStoresAndDirs, makeTempDir, modeOf, openIn} from './store-fixtures.js';

afterEach(closeStoresAndDirs);

describe('openStore', () => {
	it('keeps read marks and bookmarks across closing and reopening', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		expect(first.notices).toEqual([]);
		first.setRead('https://example.com/a', true);
		first.setRead('id.with.dots', true);
		first.setBookmark(article('saved'), true);
		first.close();

		const second = openIn(dir);
		expect(second.isRead('https://example.com/a')).toBe(true);
		expect(second.isRead('id.with.dots')).toBe(true);
		expect(second.isRead('never-marked')).toBe(false);
		expect(second.isBookmarked('saved')).toBe(true);
		expect(second.notices).toEqual([]);
	});

	it('keeps the whole bookmarked article, so it can be read after it left every feed', () => {
		const dir = makeTempDir();
		const saved = article('gone-tomorrow', {title: 'Ora e fundit', content: {format: 'html', value: '<p>Gjithë teksti</p>'}});
		const first = openIn(dir, () => 1_800_000_000_000);
		first.setBookmark(saved, true);
		first.close();

		const [snapshot] = openIn(dir).bookmarks();
		expect(snapshot).toEqual({...saved, savedAt: 1_800_000_000_000});
	});

	it('lists bookmarks newest first', () => {
		const dir = makeTempDir();
		let time = 1000;
		const store = openIn(dir, () => time);
		for (const id of ['old', 'middle', 'new']) {
			time += 1000;
			store.setBookmark(article(id), true);
		}

		store.close();
		expect(
			openIn(dir)
				.bookmarks()
				.map(snapshot => snapshot.id),
		).toEqual(['new', 'middle', 'old']);
	});

	it('persists marking unread and removing a bookmark', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		first.setRead('a', true);
		first.setRead('b', true);
		first.setBookmark(article('kept'), true);
		first.setBookmark(article('dropped'), true);
		first.close();

		const second = openIn(dir);
		second.setRead('a', false);
		second.setBookmark(article('dropped'), false);
		second.close();

		const third = openIn(dir);
		expect([third.isRead('a'), third.isRead('b')]).toEqual([false, true]);
		expect(third.bookmarks().map(snapshot => snapshot.id)).toEqual(['kept']);
	});

	it('replays the journal when the previous run never flushed or closed (a crash)', () => {
		const dir = makeTempDir();
		const crashed = openStore({configDir: dir});
		crashed.setRead('marked-before-crash', true);
		crashed.setBookmark(article('saved-before-crash'), true);
		// No flush, no close: only the journal has these changes.
		expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);

		const next = openIn(dir);
		expect(next.isRead('marked-before-crash')).toBe(true);
		expect(next.isBookmarked('saved-before-crash')).toBe(true);
		crashed.close();
	});

	it('answers from memory: reading state never goes back to the file', () => {
		const dir = makeTempDir();
		const store = openIn(dir);
		store.setRead('a', true);
		store.setBookmark(article('b'), true);
		store.flush();
		fs.rmSync(path.join(dir, 'config.json'));
		expect(store.isRead('a')).toBe(true);
		expect(store.isBookmarked('b')).toBe(true);
		expect(store.bookmarks()).toHaveLength(1);
	});

	it('notifies subscribers and bumps the version on every change, not on no-op changes', () => {
		const store = openIn(makeTempDir());
		const versions: number[] = [];
		const unsubscribe = store.subscribe(() => versions.push(store.version()));
		store.setRead('a', true);
		store.setRead('a', true);
		store.setBookmark(article('b'), true);
		store.setRead('a', false);
		unsubscribe();
		store.setRead('c', true);
		expect(versions).toHaveLength(3);
		expect(versions[0]! < versions[1]! && versions[1]! < versions[2]!).toBe(true);
		expect(store.version()).toBeGreaterThan(versions[2]!);
	});

	it('keeps the state file and journal private and creates the directory 0700', () => {
		const dir = path.join(makeTempDir(), 'nested', 'flashnews');
		const store = openIn(dir);
		store.setRead('a', true);
		expect(modeOf(path.join(dir, 'journal.jsonl'))).toBe(0o600);
		store.close();
		expect(modeOf(path.join(dir, 'config.json'))).toBe(0o600);
		expect(modeOf(dir)).toBe(0o700);
		expect(store.path).toBe(path.join(dir, 'config.json'));
	});

	it('tightens a state file that someone made world-readable the next time it is written', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		first.setRead('a', true);
		first.close();
		fs.chmodSync(path.join(dir, 'config.json'), 0o644);
		const second = openIn(dir);
		second.setRead('b', true);
		second.close();
		expect(modeOf(path.join(dir, 'config.json'))).toBe(0o600);
	});

	it.runIf(process.platform === 'linux')('lives in $XDG_CONFIG_HOME/flashnews/config.json by default', () => {
		const xdg = makeTempDir();
		const saved = process.env.XDG_CONFIG_HOME;
		process.env.XDG_CONFIG_HOME = xdg;
		try {
			const store = openStore();
			store.setRead('a', true);
			store.close();
			expect(store.path).toBe(path.join(xdg, 'flashnews', 'config.json'));
			expect(fs.existsSync(path.join(xdg, 'flashnews', 'config.json'))).toBe(true);
		} finally {
			if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
			else process.env.XDG_CONFIG_HOME = saved;
		}
	});

	it('falls back to an unsaved in-memory store, with a notice, when the directory cannot be used', () => {
		const notADirectory = path.join(makeTempDir(), 'plain-file');
		fs.writeFileSync(notADirectory, 'x');
		const store = openIn(notADirectory);
		expect(store.notices).toHaveLength(1);
		expect(store.notices[0]).toMatch(/^could not open state at .*plain-file.*config\.json: .*; changes will not be saved$/);
		store.setRead('a', true);
		expect(store.isRead('a')).toBe(true);
		expect(() => store.close()).not.toThrow();
		expect(fs.readFileSync(notADirectory, 'utf8')).toBe('x');
	});

	it.runIf(process.getuid?.() !== 0)('falls back to memory, with a notice, when the directory is not writable', () => {
		const dir = makeTempDir();
		fs.chmodSync(dir, 0o500);
		try {
			const store = openIn(dir);
			expect(store.notices).toHaveLength(1);
			expect(store.notices[0]).toMatch(/changes will not be saved$/);
		} finally {
			fs.chmodSync(dir, 0o700);
		}
	});
});

describe('two instances open at once', () => {
	it("keeps both instances' read marks and bookmarks", () => {
		const dir = makeTempDir();
		const one = openIn(dir);
		const two = openIn(dir);
		one.setRead('from-one', true);
		two.setRead('from-two', true);
		one.setBookmark(article('saved-by-one'), true);
		two.setBookmark(article('saved-by-two'), true);
		one.flush();
		two.flush();
		one.setRead('later-from-one', true);
		one.close();
		two.close();

		const reopened = openIn(dir);
		for (const id of ['from-one', 'from-two', 'later-from-one']) expect(reopened.isRead(id)).toBe(true);
		expect(
			reopened
				.bookmarks()
				.map(snapshot => snapshot.id)
				.sort(),
		).toEqual(['saved-by-one', 'saved-by-two']);
	});

	it("shows the other instance's changes after a compaction and tells subscribers", () => {
		const dir = makeTempDir();
		const one = openIn(dir);
		const two = openIn(dir);
		two.setRead('from-two', true);
		two.flush();
		let notified = 0;
		one.subscribe(() => notified++);
		const before = one.version();
		one.setRead('from-one', true);
		one.flush();
		expect(one.isRead('from-two')).toBe(true);
		expect(notified).toBe(2);
		expect(one.version()).toBe(before + 2);
	});

	it('does not bring back a bookmark the other instance removed', () => {
		const dir = makeTempDir();
		const setup = openIn(dir);
		setup.setBookmark(article('to-remove'), true);
		setup.close();

		const one = openIn(dir);
		const two = openIn(dir);
		one.setBookmark(article('to-remove'), false);
		one.flush();
		two.setRead('unrelated', true);
		two.flush();
		expect(two.isBookmarked('to-remove')).toBe(false);
		one.close();
		two.close();
		expect(openIn(dir).isBookmarked('to-remove')).toBe(false);
	});
});

describe('bookmarks read back from disk', () => {
	it('keep the base that relative links in their text resolve against', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		first.setBookmark(article('x', {content: {format: 'html', value: '<a href="c.html">see</a>', base: 'https://ex.com/a/b.html'}}), true);
		first.close();
		const [saved] = openIn(dir).bookmarks();
		expect(saved?.content).toEqual({format: 'html', value: '<a href="c.html">see</a>', base: 'https://ex.com/a/b.html'});
	});

	it('are dropped when their id carries control characters, since ids are printed', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		first.setBookmark(article('bad\u009B31m'), true);
		first.setBookmark(article('good'), true);
		first.close();
		expect(
			openIn(dir)
				.bookmarks()
				.map(bookmark => bookmark.id),
		).toEqual(['good']);
	});
});
