import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {closeStoresAndDirs, makeTempDir, openIn} from './store-fixtures.js';

afterEach(closeStoresAndDirs);

function withUnreadable(count: number): string[] {
	const dir = makeTempDir();
	const now = Date.now();
	const read: Record<string, unknown> = {good: {at: now, seen: now}};
	for (let index = 0; index < count; index++) read[`bad-${index}`] = 'yesterday';
	fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({schemaVersion: 1, read, bookmarks: {}}));
	return openIn(dir).notices;
}

describe('the notice about unreadable entries', () => {
	it('says "1 unreadable entry … was skipped" for one', () => {
		expect(withUnreadable(1)[0]).toMatch(/^1 unreadable entry in .* was skipped; the original file is kept at /);
	});

	it('says "3 unreadable entries … were skipped" for three', () => {
		expect(withUnreadable(3)[0]).toMatch(/^3 unreadable entries in .* were skipped; the original file is kept at /);
	});
});
