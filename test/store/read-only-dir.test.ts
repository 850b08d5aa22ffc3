import fs from 'node:fs';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {mountSmallDisk, remount, type SmallDisk} from './small-disk.js';
import {article, closeStoresAndDirs, makeTempDir, openIn} from './store-fixtures.js';

let disk: SmallDisk | undefined;
let restoreMode: (() => void) | undefined;
afterEach(() => {
	restoreMode?.();
	restoreMode = undefined;
	closeStoresAndDirs();
	disk?.unmount();
	disk = undefined;
});

/** A config directory that this process cannot write: a read-only mount as root (whom chmod does not stop), else mode 0500. */
function readOnlyConfigDir(fill: (dir: string) => void): string {
	if (process.getuid?.() === 0) {
		disk = mountSmallDisk(1024 * 1024);
		if (!disk) throw new Error('running as root but cannot mount a tmpfs to make a read-only directory');
		const dir = path.join(disk.dir, 'flashnews');
		fill(dir);
		remount(disk, 'ro');
		return dir;
	}

	const dir = path.join(makeTempDir(), 'flashnews');
	fill(dir);
	fs.chmodSync(dir, 0o500);
	restoreMode = () => fs.chmodSync(dir, 0o700);
	return dir;
}

it('shows read marks, bookmarks and subscriptions from a read-only config directory, with one notice that changes will not be saved', () => {
	const dir = readOnlyConfigDir(writable => {
		const store = openIn(writable);
		store.setRead('read-and-compacted', true);
		store.setBookmark(article('saved'), true);
		store.addSubscription({url: 'https://news.example/feed'});
		store.close();
		const crashed = openIn(writable);
		crashed.setRead('only-in-the-journal', true);
	});
	const before = fs.readdirSync(dir).map(name => [name, fs.readFileSync(path.join(dir, name), 'utf8')]);

	const store = openIn(dir);
	expect(store.notices).toEqual([expect.stringMatching(/read-only.*changes will not be saved$/)]);
	expect(store.notices[0]).toContain(dir);
	expect(store.isRead('read-and-compacted')).toBe(true);
	expect(store.isRead('only-in-the-journal')).toBe(true);
	expect(store.bookmarks().map(snapshot => snapshot.id)).toEqual(['saved']);
	expect(store.subscriptions()).toEqual([{url: 'https://news.example/feed'}]);

	store.setRead('while-read-only', true);
	expect(store.isRead('while-read-only')).toBe(true);
	expect(() => store.close()).not.toThrow();
	expect(store.notices).toHaveLength(1);
	expect(fs.readdirSync(dir).map(name => [name, fs.readFileSync(path.join(dir, name), 'utf8')])).toEqual(before);
});
