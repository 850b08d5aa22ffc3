import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {encodeState, formatStateJson} from '../../src/store/file/encode.js';
import {recoverState} from '../../src/store/file/recover.js';
import type {ReadMark} from '../../src/store/state/read-marks.js';
import type {StoredState} from '../../src/store/state/stored-state.js';
import type {BookmarkSnapshot} from '../../src/store/types.js';
import {article} from './store-fixtures.js';

/** Any UTF-16 code unit, lone surrogates, quotes, backslashes and controls included. */
const anyId = fc.string({unit: fc.integer({min: 0, max: 0xFF_FF}).map(code => String.fromCharCode(code)), minLength: 1, maxLength: 12});
const time = fc.integer({min: 0, max: 4_000_000_000_000});
const readMark = fc.tuple(time, time).map(([at, later]): ReadMark => ({at, seen: Math.max(at, later)}));
const snapshot = fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,10}$/), time).map(([id, savedAt]): BookmarkSnapshot => ({...article(id), savedAt}));
const storedState = fc.record({
	read: fc.array(fc.tuple(anyId, readMark), {maxLength: 30}).map(entries => new Map(entries)),
	bookmarks: fc.array(snapshot, {maxLength: 5}).map(snapshots => new Map(snapshots.map(saved => [saved.id, saved]))),
});

function asPlainJson(state: StoredState): unknown {
	return {
		schemaVersion: 1,
		read: Object.fromEntries(state.read),
		bookmarks: Object.fromEntries(state.bookmarks),
	};
}

describe('the state file format', () => {
	it('is JSON that reads back exactly as the state that was written, whatever the ids contain', () => {
		fc.assert(fc.property(storedState, state => {
			expect(JSON.parse(formatStateJson(encodeState(state, 1)))).toEqual(asPlainJson(state));
		}));
	});

	it('writes one read mark or bookmark per line', () => {
		const state: StoredState = {
			read: new Map([['a', {at: 1, seen: 2}], ['b', {at: 3, seen: 3}]]),
			bookmarks: new Map([['c', {...article('c'), savedAt: 4}]]),
		};
		const lines = formatStateJson(encodeState(state, 1)).split('\n');
		expect(lines).toContain('\t\t"a": {"at":1,"seen":2},');
		expect(lines).toContain('\t\t"b": {"at":3,"seen":3}');
		expect(lines.filter(line => line.startsWith('\t\t"c": {"id":"c"'))).toHaveLength(1);
	});
});

describe('recovering a damaged file', () => {
	it('keeps every entry whose line was not damaged, and invents no others', () => {
		const plainIds = fc.stringMatching(/^[a-z0-9:/._-]{1,20}$/);
		const state = fc.record({
			read: fc.array(fc.tuple(plainIds, readMark), {minLength: 1, maxLength: 20}).map(entries => new Map(entries)),
			bookmarks: fc.array(snapshot, {maxLength: 4}).map(snapshots => new Map(snapshots.map(saved => [saved.id, saved]))),
		});
		fc.assert(fc.property(state, fc.nat(), fc.nat(), (original, lineSeed, cutSeed) => {
			const lines = formatStateJson(encodeState(original, 1)).split('\n');
			const damagedIndex = lineSeed % lines.length;
			const damagedLine = lines[damagedIndex]!;
			lines[damagedIndex] = damagedLine.slice(0, cutSeed % (damagedLine.length + 1));
			const recovered = recoverState(lines.join('\n'));

			const damagedId = /^\t\t"([^"]*)"/.exec(damagedLine)?.[1];
			for (const [id, mark] of original.read) {
				if (id !== damagedId) expect(recovered.read.get(id)).toEqual(mark);
			}

			for (const [id, saved] of original.bookmarks) {
				if (id !== damagedId) expect(recovered.bookmarks.get(id)).toEqual(saved);
			}

			// The damaged entry itself may come back with a cut-short number (`"seen":17` + a later `}`).
			for (const id of recovered.read.keys()) expect(original.read.has(id)).toBe(true);
			for (const id of recovered.bookmarks.keys()) expect(original.bookmarks.has(id)).toBe(true);
		}));
	});
});
