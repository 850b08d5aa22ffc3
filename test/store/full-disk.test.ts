import fs from 'node:fs';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {openStore} from '../../src/store/open-store.js';
import {CANNOT_MOUNT, fillDisk, mountSmallDisk, type SmallDisk} from './small-disk.js';
import {article, closeStoresAndDirs, openIn} from './store-fixtures.js';

let disk: SmallDisk | undefined;
afterEach(() => {
	closeStoresAndDirs();
	disk?.unmount();
	disk = undefined;
});

const journalsIn = (dir: string) => fs.readdirSync(dir).filter(name => name.startsWith('journal.jsonl'));

it('keeps the old state file and the journal when the disk has no room for the new file, and says it could not save', context => {
	disk = mountSmallDisk(512 * 1024);
	if (!disk) return context.skip(CANNOT_MOUNT);
	const dir = path.join(disk.dir, 'flashnews');
	const first = openIn(dir);
	for (let index = 0; index < 2000; index++) first.setRead(`https://news.example/articles/${index}`, true);
	first.setBookmark(article('precious'), true);
	first.close();
	const stateFile = path.join(dir, 'config.json');
	const before = fs.readFileSync(stateFile, 'utf8');

	fillDisk(path.join(disk.dir, 'filler'), 16 * 1024);
	const second = openIn(dir);
	second.setRead('marked-on-a-full-disk', true);
	second.close();
	expect(second.notices).toEqual([
		expect.stringMatching(/^could not save .*config\.json: .*; changes are kept in the journal for next time$/),
	]);
	expect(fs.readFileSync(stateFile, 'utf8')).toBe(before);
	expect(journalsIn(dir)).not.toEqual([]);

	fs.rmSync(path.join(disk.dir, 'filler'));
	const third = openIn(dir);
	expect(third.notices).toEqual([]);
	expect(third.isBookmarked('precious')).toBe(true);
	expect(third.isRead('https://news.example/articles/1999')).toBe(true);
	expect(third.isRead('marked-on-a-full-disk')).toBe(true);
	third.close();
	expect(fs.readdirSync(dir).filter(name => name !== 'config.json')).toEqual([]);
});

it('keeps the old state file and the journal when the disk fills during a save in the background, and leaves no partial file', async context => {
	disk = mountSmallDisk(512 * 1024);
	if (!disk) return context.skip(CANNOT_MOUNT);
	const dir = path.join(disk.dir, 'flashnews');
	const first = openIn(dir);
	for (let index = 0; index < 2000; index++) first.setRead(`https://news.example/articles/${index}`, true);
	first.close();
	const stateFile = path.join(dir, 'config.json');
	const before = fs.readFileSync(stateFile, 'utf8');

	fillDisk(path.join(disk.dir, 'filler'), 16 * 1024);
	const second = openStore({configDir: dir, compactWhenIdleMs: 1, compactAtLeastEveryMs: 1});
	try {
		second.setRead('marked-on-a-full-disk', true);
		while (second.notices.length === 0) await new Promise(resolve => setTimeout(resolve, 2));
		expect(second.notices).toEqual([
			expect.stringMatching(/^could not save .*config\.json: .*; changes are kept in the journal for next time$/),
		]);
		expect(fs.readFileSync(stateFile, 'utf8')).toBe(before);
		expect(journalsIn(dir)).not.toEqual([]);
		expect(fs.readdirSync(dir).filter(name => name.startsWith('config.json.'))).toEqual([]);
	} finally {
		second.close();
	}

	fs.rmSync(path.join(disk.dir, 'filler'));
	const third = openIn(dir);
	expect(third.notices).toEqual([]);
	expect(third.isRead('https://news.example/articles/1999')).toBe(true);
	expect(third.isRead('marked-on-a-full-disk')).toBe(true);
});
