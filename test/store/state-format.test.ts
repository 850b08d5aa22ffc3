import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {encodeState, formatStateJson} from '../../src/store/file/encode.js';
import {recoverState} from '../../src/store/file/recover.js';
import type {StoredState} from '../../src/store/state/stored-state.js';
import type {Subscription} from '../../src/store/types.js';
import {feeds, readMark, snapshot, storedState} from './state-arbitraries.js';
import {article} from './store-fixtures.js';

function asPlainJson(state: StoredState): unknown {
	return {
		schemaVersion: 2,
		read: Object.fromEntries(state.read),
		bookmarks: Object.fromEntries(state.bookmarks),
		subscriptions: [...state.subscriptions.values()],
		feedMeta: Object.fromEntries(state.feedMeta),
	};
}

describe('the state file format', () => {
	it('is JSON that reads back exactly as the state that was written, whatever the ids contain', () => {
		fc.assert(
			fc.property(storedState, state => {
				expect(JSON.parse(formatStateJson(encodeState(state, 2)))).toEqual(asPlainJson(state));
			}),
		);
	});

	it("writes one read mark, bookmark, subscription or feed's metadata per line", () => {
		const state: StoredState = {
			read: new Map([
				['a', {at: 1, seen: 2}],
				['b', {at: 3, seen: 3}],
			]),
			bookmarks: new Map([['c', {...article('c'), savedAt: 4}]]),
			subscriptions: new Map([
				['https://d.example/feed', {url: 'https://d.example/feed'}],
				['/feeds/e.xml', {url: '/feeds/e.xml', title: 'E', group: ['News', 'Local']}],
			]),
			feedMeta: new Map([['/feeds/e.xml', {lastRefresh: 5, lastError: null}]]),
		};
		const lines = formatStateJson(encodeState(state, 2)).split('\n');
		expect(lines).toContain('\t\t"a": {"at":1,"seen":2},');
		expect(lines).toContain('\t\t"b": {"at":3,"seen":3}');
		expect(lines.filter(line => line.startsWith('\t\t"c": {"id":"c"'))).toHaveLength(1);
		expect(lines).toContain('\t\t{"url":"https://d.example/feed"},');
		expect(lines).toContain('\t\t{"url":"/feeds/e.xml","title":"E","group":["News","Local"]}');
		expect(lines).toContain('\t\t"/feeds/e.xml": {"lastRefresh":5,"lastError":null}');
	});
});

describe('recovering a damaged file', () => {
	it('keeps every entry whose line was not damaged, and invents no others', () => {
		const plainIds = fc.stringMatching(/^[a-z0-9:/._-]{1,20}$/);
		const state = fc
			.record({
				read: fc.array(fc.tuple(plainIds, readMark), {minLength: 1, maxLength: 20}).map(entries => new Map(entries)),
				bookmarks: fc.array(snapshot, {maxLength: 4}).map(snapshots => new Map(snapshots.map(saved => [saved.id, saved]))),
				feeds,
			})
			.map(({read, bookmarks, feeds}): StoredState => ({read, bookmarks, ...feeds}));
		fc.assert(
			fc.property(state, fc.nat(), fc.nat(), (original, lineSeed, cutSeed) => {
				const lines = formatStateJson(encodeState(original, 2)).split('\n');
				const damagedIndex = lineSeed % lines.length;
				const damagedLine = lines[damagedIndex]!;
				lines[damagedIndex] = damagedLine.slice(0, cutSeed % (damagedLine.length + 1));
				const recovered = recoverState(lines.join('\n'));

				const damagedKey = /^\t\t"((?:[^"\\]|\\.)*)"/.exec(damagedLine)?.[1];
				const damagedId = damagedKey === undefined ? undefined : (JSON.parse(`"${damagedKey}"`) as string);
				const damagedUrl = damagedLine.startsWith('\t\t{"url":')
					? (JSON.parse(damagedLine.replace(/,$/, '')) as Subscription).url
					: undefined;
				for (const [id, mark] of original.read) {
					if (id !== damagedId) expect(recovered.read.get(id)).toEqual(mark);
				}

				for (const [id, saved] of original.bookmarks) {
					if (id !== damagedId) expect(recovered.bookmarks.get(id)).toEqual(saved);
				}

				for (const [url, feed] of original.subscriptions) {
					if (url !== damagedUrl) expect(recovered.subscriptions.get(url)).toEqual(feed);
				}

				// A feed's metadata is kept only with its subscription.
				for (const [url, meta] of original.feedMeta) {
					if (url !== damagedId && url !== damagedUrl) expect(recovered.feedMeta.get(url)).toEqual(meta);
				}

				expect([...recovered.subscriptions.keys()]).toEqual(
					[...original.subscriptions.keys()].filter(url => recovered.subscriptions.has(url)),
				);
				// The damaged entry itself may come back with a cut-short number (`"seen":17` + a later `}`).
				for (const id of recovered.read.keys()) expect(original.read.has(id)).toBe(true);
				for (const id of recovered.bookmarks.keys()) expect(original.bookmarks.has(id)).toBe(true);
				for (const url of recovered.subscriptions.keys()) expect(original.subscriptions.has(url)).toBe(true);
				for (const url of recovered.feedMeta.keys()) expect(original.feedMeta.has(url)).toBe(true);
			}),
		);
	});
});
