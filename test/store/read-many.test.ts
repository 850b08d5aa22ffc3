import fs from 'node:fs';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {openStore} from '../../src/store/open-store.js';
import {closeStoresAndDirs, makeTempDir, openIn} from './store-fixtures.js';

afterEach(closeStoresAndDirs);

const journalLines = (dir: string) =>
	fs
		.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')
		.split('\n')
		.filter(line => line !== '');

it('marks a whole view read as one journal line holding only the ids that changed', () => {
	const dir = makeTempDir();
	const store = openIn(dir);
	store.setRead('already-read', true);
	const changed = store.setReadMany(['a', 'already-read', 'b', 'a'], true);
	expect(changed).toEqual(['a', 'b']);
	expect(['a', 'b', 'already-read'].map(id => store.isRead(id))).toEqual([true, true, true]);
	const lines = journalLines(dir);
	expect(lines).toHaveLength(2);
	expect(JSON.parse(lines[1]!)).toMatchObject({op: 'read-many', ids: ['a', 'b']});
});

it('is undone by passing back the ids it returned, leaving earlier marks alone', () => {
	const dir = makeTempDir();
	const first = openIn(dir);
	first.setRead('read-before', true);
	const changed = first.setReadMany(['read-before', 'x', 'y'], true);
	first.setReadMany(changed, false);
	first.close();

	const second = openIn(dir);
	expect(['read-before', 'x', 'y'].map(id => second.isRead(id))).toEqual([true, false, false]);
});

it('records nothing and tells no one when no mark would change', () => {
	const dir = makeTempDir();
	const store = openIn(dir);
	store.setRead('a', true);
	let notified = 0;
	store.subscribe(() => notified++);
	expect(store.setReadMany(['a'], true)).toEqual([]);
	expect(store.setReadMany(['never-read'], false)).toEqual([]);
	expect(notified).toBe(0);
	expect(journalLines(dir)).toHaveLength(1);
});

it('tells subscribers once for the whole batch', () => {
	const store = openIn(makeTempDir());
	let notified = 0;
	store.subscribe(() => notified++);
	store.setReadMany(
		Array.from({length: 500}, (_, index) => `id-${index}`),
		true,
	);
	expect(notified).toBe(1);
});

it('comes back from the journal after a crash, and from the file after compaction', () => {
	const dir = makeTempDir();
	const crashed = openStore({configDir: dir, now: () => 1_800_000_000_000});
	crashed.setReadMany(['a', 'b', 'c'], true);
	crashed.setReadMany(['b'], false);
	// No flush, no close: only the journal has these changes.
	const afterCrash = openIn(dir);
	expect(['a', 'b', 'c'].map(id => afterCrash.isRead(id))).toEqual([true, false, true]);
	afterCrash.close();
	crashed.close();

	const written = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as {read: Record<string, unknown>};
	expect(written.read).toEqual({a: {at: 1_800_000_000_000, seen: 1_800_000_000_000}, c: {at: 1_800_000_000_000, seen: 1_800_000_000_000}});
});
