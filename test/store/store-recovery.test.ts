import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore} from '../../src/store/open-store.js';
import {article, closeStoresAndDirs, makeTempDir, modeOf, openIn} from './store-fixtures.js';

afterEach(closeStoresAndDirs);

/** A state file written by the store itself, with `count` read marks and one bookmark. */
function writtenState(dir: string, count: number): string {
	const store = openIn(dir);
	for (let index = 0; index < count; index++) store.setRead(`read-${index}`, true);
	store.setBookmark(article('saved'), true);
	store.close();
	return fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
}

const backupsIn = (dir: string) => fs.readdirSync(dir).filter(name => name.startsWith('config.json.corrupt-'));

describe('a damaged state file', () => {
	it('is backed up byte for byte, named in one notice, and what is intact is recovered', () => {
		const dir = makeTempDir();
		const text = writtenState(dir, 20);
		// Cut the file in the middle of the line of read-12 and lose everything after it.
		const damaged = text.slice(0, text.indexOf('"read-12"') + 15);
		fs.writeFileSync(path.join(dir, 'config.json'), damaged);

		const store = openIn(dir, () => Date.parse('2026-11-25T23:59:00Z'));
		const backups = backupsIn(dir);
		expect(backups).toEqual(['config.json.corrupt-2026-11-25T23-59-00Z']);
		expect(fs.readFileSync(path.join(dir, backups[0]!), 'utf8')).toBe(damaged);
		expect(modeOf(path.join(dir, backups[0]!))).toBe(0o600);
		expect(store.notices).toHaveLength(1);
		expect(store.notices[0]).toContain(path.join(dir, backups[0]!));
		for (let index = 0; index < 12; index++) expect(store.isRead(`read-${index}`)).toBe(true);
		expect(store.isRead('read-12')).toBe(false);
	});

	it('is rewritten right away with what was recovered, so the next start is clean', () => {
		const dir = makeTempDir();
		const text = writtenState(dir, 5);
		fs.writeFileSync(path.join(dir, 'config.json'), text.replace('"read-2": {', '"read-2": {{{'));
		const first = openIn(dir);
		expect(first.notices).toHaveLength(1);
		first.close();

		const second = openIn(dir);
		expect(second.notices).toEqual([]);
		expect(backupsIn(dir)).toHaveLength(1);
		expect(['read-0', 'read-1', 'read-2', 'read-3', 'read-4'].map(id => second.isRead(id))).toEqual([true, true, false, true, true]);
		expect(second.bookmarks().map(snapshot => snapshot.id)).toEqual(['saved']);
	});

	it('recovers bookmarks from a damaged file, whole', () => {
		const dir = makeTempDir();
		const text = writtenState(dir, 3);
		fs.writeFileSync(path.join(dir, 'config.json'), `garbage${text.replace('"schemaVersion"', 'schemaVersion')}`);
		const store = openIn(dir);
		expect(store.bookmarks()).toEqual([expect.objectContaining({...article('saved')})]);
		expect(['read-0', 'read-1', 'read-2'].filter(id => !store.isRead(id))).toEqual([]);
	});

	it('that is not JSON at all starts empty, with the backup named in the notice', () => {
		const dir = makeTempDir();
		fs.writeFileSync(path.join(dir, 'config.json'), '\u0000\u0001 not json');
		const store = openIn(dir);
		expect(store.bookmarks()).toEqual([]);
		expect(store.notices).toHaveLength(1);
		const [backup] = backupsIn(dir);
		expect(store.notices[0]).toContain(backup);
		expect(fs.readFileSync(path.join(dir, backup!), 'utf8')).toBe('\u0000\u0001 not json');
	});

	it('with valid JSON of the wrong shape is backed up instead of being dropped silently', () => {
		const dir = makeTempDir();
		const now = Date.now();
		const original = JSON.stringify({schemaVersion: 1, read: {good: {at: now, seen: now}, bad: 'yesterday'}, bookmarks: {}});
		fs.writeFileSync(path.join(dir, 'config.json'), original);
		const store = openIn(dir);
		expect(store.isRead('good')).toBe(true);
		expect(store.isRead('bad')).toBe(false);
		expect(store.notices).toHaveLength(1);
		const [backup] = backupsIn(dir);
		expect(store.notices[0]).toContain(backup);
		expect(fs.readFileSync(path.join(dir, backup!), 'utf8')).toBe(original);
	});
});

describe('schema versions', () => {
	it('migrates a version 0 file (lists of ids and snapshots) to the current shape', () => {
		const dir = makeTempDir();
		const saved = {...article('old-bookmark'), savedAt: 1234};
		fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({read: ['old-1', 'old-2'], bookmarks: [saved]}));
		const store = openIn(dir, () => 9999);
		expect(store.notices).toEqual([]);
		expect(store.isRead('old-1') && store.isRead('old-2')).toBe(true);
		expect(store.bookmarks()).toEqual([saved]);

		const written = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
		expect(written).toEqual({
			schemaVersion: 2,
			read: {'old-1': {at: 9999, seen: 9999}, 'old-2': {at: 9999, seen: 9999}},
			bookmarks: {'old-bookmark': saved},
			subscriptions: [],
			feedMeta: {},
		});
	});

	it('loads a version 1 file (before subscriptions) whole and rewrites it in the current shape', () => {
		const dir = makeTempDir();
		const saved = {...article('kept-bookmark'), savedAt: 1234};
		fs.writeFileSync(
			path.join(dir, 'config.json'),
			JSON.stringify({schemaVersion: 1, read: {a: {at: 5, seen: 6}}, bookmarks: {'kept-bookmark': saved}}),
		);
		const store = openIn(dir, () => 9999);
		expect(store.notices).toEqual([]);
		expect(store.isRead('a')).toBe(true);
		expect(store.bookmarks()).toEqual([saved]);
		expect(store.subscriptions()).toEqual([]);
		expect(backupsIn(dir)).toEqual([]);
		const written = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
		expect(written).toEqual({
			schemaVersion: 2,
			read: {a: {at: 5, seen: 6}},
			bookmarks: {'kept-bookmark': saved},
			subscriptions: [],
			feedMeta: {},
		});
	});

	it('keeps aside and recovers a file whose schema version was deleted, instead of taking it for the oldest format', () => {
		const dir = makeTempDir();
		const first = openIn(dir);
		for (const id of ['read-0', 'read-1', 'read-2']) first.setRead(id, true);
		first.setBookmark(article('saved'), true);
		first.addSubscription({url: 'https://news.example/feed', title: 'News'});
		first.close();
		// What `jq 'del(.schemaVersion)'` makes of the file.
		const {schemaVersion: _deleted, ...rest} = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<
			string,
			unknown
		>;
		const edited = `${JSON.stringify(rest, null, 2)}\n`;
		fs.writeFileSync(path.join(dir, 'config.json'), edited);

		const store = openIn(dir);
		const [backup] = backupsIn(dir);
		expect(fs.readFileSync(path.join(dir, backup!), 'utf8')).toBe(edited);
		expect(store.notices).toHaveLength(1);
		expect(store.notices[0]).toMatch(
			/config\.json has no state version: recovered 3 read marks, 1 bookmark and 1 subscription; the original file is kept at/,
		);
		expect(store.notices[0]).toContain(path.join(dir, backup!));
		expect(['read-0', 'read-1', 'read-2'].map(id => store.isRead(id))).toEqual([true, true, true]);
		expect(store.bookmarks().map(snapshot => snapshot.id)).toEqual(['saved']);
		expect(store.subscriptions()).toEqual([{url: 'https://news.example/feed', title: 'News'}]);
	});

	it('keeps aside and recovers a file whose schema version is not exactly one it knows', () => {
		for (const version of ['2', 1.5, -1, null]) {
			const dir = makeTempDir();
			const now = Date.now();
			fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({schemaVersion: version, read: {a: {at: now, seen: now}}}));
			const store = openIn(dir);
			expect(store.isRead('a')).toBe(true);
			expect(backupsIn(dir)).toHaveLength(1);
			expect(store.notices).toEqual([
				expect.stringMatching(/config\.json has state version .*, which is not a whole number: recovered 1 read mark/),
			]);
		}
	});

	it('shows a file from a newer version but never writes it', () => {
		const dir = makeTempDir();
		const original = JSON.stringify({schemaVersion: 7, read: {a: {at: 1, seen: 1}}, bookmarks: {}, somethingNew: true});
		fs.writeFileSync(path.join(dir, 'config.json'), original);
		const store = openIn(dir);
		expect(store.isRead('a')).toBe(true);
		expect(store.notices).toHaveLength(1);
		expect(store.notices[0]).toMatch(/newer flashnews.*changes will not be saved/);
		store.setRead('b', true);
		store.close();
		expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(original);
		expect(fs.existsSync(path.join(dir, 'journal.jsonl'))).toBe(false);
	});
});

describe('leftovers of a crash', () => {
	it('skips a torn last journal line and keeps the rest', () => {
		const dir = makeTempDir();
		const crashed = openStore({configDir: dir});
		crashed.setRead('a', true);
		crashed.setRead('b', true);
		fs.appendFileSync(path.join(dir, 'journal.jsonl'), '{"op":"read","id":"tor');
		const store = openIn(dir);
		expect([store.isRead('a'), store.isRead('b'), store.isRead('tor')]).toEqual([true, true, false]);
		store.setRead('c', true);
		store.close();
		crashed.close();
		const reopened = openIn(dir);
		expect(['a', 'b', 'c'].filter(id => !reopened.isRead(id))).toEqual([]);
	});

	it('replays a journal that a crashed compaction had already taken over', () => {
		const dir = makeTempDir();
		const now = Date.now();
		fs.writeFileSync(
			path.join(dir, 'journal.jsonl.merging-1000-1-abc'),
			`{"op":"read","id":"taken","at":${now}}\n{"op":"unread","id":"later-undone"}\n`,
		);
		fs.writeFileSync(path.join(dir, 'journal.jsonl'), `{"op":"read","id":"later-undone","at":${now}}\n`);
		const store = openIn(dir);
		expect(store.isRead('taken')).toBe(true);
		expect(store.isRead('later-undone')).toBe(true);
		store.setRead('new', true);
		store.close();
		expect(fs.readdirSync(dir).filter(name => name.startsWith('journal'))).toEqual([]);
		const reopened = openIn(dir);
		expect(['taken', 'later-undone', 'new'].filter(id => !reopened.isRead(id))).toEqual([]);
	});

	it('removes the temp file of a state-file write that was killed half-way', () => {
		const dir = makeTempDir();
		fs.writeFileSync(path.join(dir, 'config.json.tmp-1764100000abc123'), '{"schemaVersion": 1, "re');
		openIn(dir);
		expect(fs.readdirSync(dir).filter(name => name.includes('.tmp-'))).toEqual([]);
	});

	it('ignores and removes a new state file that was not yet put in place when the process died', () => {
		const dir = makeTempDir();
		const now = Date.now();
		fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({schemaVersion: 2, read: {kept: {at: now, seen: now}}}));
		fs.writeFileSync(path.join(dir, 'config.next.json'), '{"schemaVersion": 2, "read": {"half-wri');
		fs.writeFileSync(path.join(dir, 'config.next.json.tmp-1764100000abc123'), '{');
		const store = openIn(dir);
		expect(store.isRead('kept')).toBe(true);
		expect(store.notices).toEqual([]);
		expect(fs.readdirSync(dir).filter(name => name.startsWith('config.next'))).toEqual([]);
	});

	it('takes over a lock left by a process that died', () => {
		const dir = makeTempDir();
		const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
		fs.writeFileSync(path.join(dir, 'state.lock'), JSON.stringify({pid: Number(dead.stdout), host: os.hostname()}));
		const store = openIn(dir);
		store.setRead('a', true);
		store.close();
		expect(fs.existsSync(path.join(dir, 'state.lock'))).toBe(false);
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toMatchObject({read: {a: {}}});
	});

	it('loses nothing when another live process holds the lock for too long', () => {
		const dir = makeTempDir();
		const store = openIn(dir);
		const lock = path.join(dir, 'state.lock');
		fs.writeFileSync(lock, JSON.stringify({pid: process.ppid, host: os.hostname()}));
		store.setRead('while-locked', true);
		store.flush();
		expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
		fs.rmSync(lock);
		store.close();
		expect(openIn(dir).isRead('while-locked')).toBe(true);
	});
});
