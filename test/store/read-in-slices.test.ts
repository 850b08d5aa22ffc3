import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {afterEach, describe, expect, it} from 'vitest';
import {decodeFile} from '../../src/store/file/decode.js';
import {encodeState, formatStateJson} from '../../src/store/file/encode.js';
import {readStateFile} from '../../src/store/file/read.js';
import {readStateInSlices} from '../../src/store/file/read-in-slices.js';
import {createSlicer} from '../../src/store/slices.js';
import type {StoredState} from '../../src/store/state/stored-state.js';
import {storedState} from './state-arbitraries.js';
import {makeTempDir, removeTempDirs} from './store-fixtures.js';

// A save in the background reads a file another instance wrote a few lines at a time. It must
// never disagree with reading the file whole: it gives exactly the same state, or gives up (and the
// file is read whole, with the recovery and notices that brings).

afterEach(removeTempDirs);

const NOW = 1_764_000_000_000;

/** Every entry, and the order of the subscriptions (the only order that is kept). */
const comparable = (state: StoredState) => ({
	read: Object.fromEntries(state.read),
	bookmarks: Object.fromEntries(state.bookmarks),
	subscriptions: [...state.subscriptions.values()],
	feedMeta: Object.fromEntries(state.feedMeta),
});

async function readBothWays(dir: string, text: string) {
	const file = path.join(dir, 'config.json');
	fs.writeFileSync(file, text);
	const inSlices = await readStateInSlices(file, createSlicer());
	const whole = decodeFile(file, readStateFile(file), NOW, {readOnly: true});
	return {
		inSlices: inSlices && comparable(inSlices.state),
		whole: comparable(whole.state),
		wholeWasClean: !whole.needsWrite && !whole.notice,
	};
}

describe('reading the state file in slices', () => {
	it('gives exactly the state a whole read gives, whatever the ids contain', async () => {
		const dir = makeTempDir();
		await fc.assert(
			fc.asyncProperty(storedState, async state => {
				const {inSlices, whole} = await readBothWays(dir, formatStateJson(encodeState(state)));
				expect(inSlices).toEqual(whole);
			}),
		);
	});

	it('gives up on a damaged line rather than read it differently from a whole read', async () => {
		const dir = makeTempDir();
		await fc.assert(
			fc.asyncProperty(storedState, fc.nat(), fc.nat(), async (state, lineSeed, cutSeed) => {
				const lines = formatStateJson(encodeState(state)).split('\n');
				const index = lineSeed % lines.length;
				lines[index] = lines[index]!.slice(0, cutSeed % (lines[index]!.length + 1));
				const {inSlices, whole, wholeWasClean} = await readBothWays(dir, lines.join('\n'));
				if (inSlices !== undefined) expect(inSlices).toEqual(whole);
				if (!wholeWasClean) expect(inSlices).toBeUndefined();
			}),
		);
	});

	it.each([
		['laid out another way', JSON.stringify({schemaVersion: 2, read: {a: {at: 1, seen: 1}}}, null, 2)],
		['from an older version', '{\n\t"schemaVersion": 1,\n\t"read": {\n\t\t"a": {"at":1,"seen":1}\n\t}\n}\n'],
		['with a member it does not know', '{\n\t"schemaVersion": 2,\n\t"extra": {\n\t\t"a": 1\n\t}\n}\n'],
		['with an entry that is not a read mark', '{\n\t"schemaVersion": 2,\n\t"read": {\n\t\t"a": {"at":"soon"}\n\t}\n}\n'],
		['with a comma after the last entry', '{\n\t"schemaVersion": 2,\n\t"read": {\n\t\t"a": {"at":1,"seen":1},\n\t}\n}\n'],
		[
			'with a comma missing between entries',
			'{\n\t"schemaVersion": 2,\n\t"read": {\n\t\t"a": {"at":1,"seen":1}\n\t\t"b": {"at":1,"seen":1}\n\t}\n}\n',
		],
		['with text after the end', '{\n\t"schemaVersion": 2,\n\t"read": {}\n}\n{}\n'],
	])('leaves a file %s to be read whole', async (_what, text) => {
		const file = path.join(makeTempDir(), 'config.json');
		fs.writeFileSync(file, text);
		expect(await readStateInSlices(file, createSlicer())).toBeUndefined();
	});

	it('reads a missing file as an empty state', async () => {
		const read = await readStateInSlices(path.join(makeTempDir(), 'config.json'), createSlicer());
		expect(read && comparable(read.state)).toEqual({read: {}, bookmarks: {}, subscriptions: [], feedMeta: {}});
	});
});
