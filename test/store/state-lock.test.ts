import fs from 'node:fs';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {acquireLock, LOCK_NAME} from '../../src/store/state-lock.js';
import {makeTempDir, removeTempDirs} from './store-fixtures.js';

afterEach(removeTempDirs);

it('releases its own lock', () => {
	const dir = makeTempDir();
	const release = acquireLock(dir, 0);
	expect(release).toBeDefined();
	release!();
	expect(fs.existsSync(path.join(dir, LOCK_NAME))).toBe(false);
});

it('never removes a lock that another process took over meanwhile', () => {
	const dir = makeTempDir();
	const release = acquireLock(dir, 0);
	const file = path.join(dir, LOCK_NAME);
	fs.writeFileSync(file, JSON.stringify({pid: 424242, host: 'elsewhere', at: 1}));
	release!();
	expect(fs.existsSync(file)).toBe(true);
	expect(acquireLock(dir, 0)).toBeUndefined();
});
