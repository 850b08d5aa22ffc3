import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {MAX_STATE_BYTES} from '../../src/store/regular-file.js';
import {article, bundleStore, closeStoresAndDirs, makeTempDir, openIn} from './store-fixtures.js';

// Where the state belongs there may be a FIFO, a link to /dev/zero, a device: opening or reading one
// the ordinary way blocks forever or fills memory until Node aborts. Whatever could hang runs in a
// child process that is killed once it is clearly stuck, so that a hang fails the test instead of
// blocking the run.

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const childScript = fileURLToPath(new URL('store-child.mjs', import.meta.url));
/** Far longer than any of these children needs, even on a loaded machine. */
const STUCK_AFTER_MS = 30_000;
const TEST_TIMEOUT_MS = STUCK_AFTER_MS + 10_000;

type Run = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

async function run(args: string[]): Promise<Run> {
	const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe']});
	const stuck = setTimeout(() => child.kill('SIGKILL'), STUCK_AFTER_MS);
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	return new Promise(resolve => {
		child.on('close', (code, signal) => {
			clearTimeout(stuck);
			resolve({code, signal, stdout, stderr});
		});
	});
}

function makeFifo(file: string): void {
	const made = spawnSync('mkfifo', [file], {encoding: 'utf8'});
	if (made.status !== 0) throw new Error(`mkfifo ${file} failed: ${made.stderr || made.error?.message}`);
}

const noFifos = process.platform === 'win32';

let bundleDir = '';
let bundle = '';
beforeAll(async () => {
	bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashnews-store-bundle-'));
	bundle = await bundleStore(bundleDir);
});
afterEach(closeStoresAndDirs);
afterAll(() => {
	fs.rmSync(bundleDir, {recursive: true, force: true});
});

describe.skipIf(noFifos)('special files where the state belongs', () => {
	const cases = [
		{what: 'a FIFO at config.json', name: 'config.json', make: makeFifo, problem: 'is not a regular file'},
		{
			what: 'a link to /dev/zero at config.json',
			name: 'config.json',
			make: (file: string) => fs.symlinkSync('/dev/zero', file),
			problem: 'is a symbolic link, not a regular file',
		},
		{what: 'a FIFO at the journal', name: 'journal.jsonl', make: makeFifo, problem: 'is not a regular file'},
		{
			what: 'a FIFO at a journal taken aside by a compaction',
			name: 'journal.jsonl.merging-1-1-abcdef',
			make: makeFifo,
			problem: 'is not a regular file',
		},
	];

	it.each(cases)(
		'--json prints the bundled feeds at once with one notice when there is $what, and leaves it there',
		async ({name, make, problem}) => {
			const dir = makeTempDir();
			const file = path.join(dir, name);
			make(file);
			const before = fs.lstatSync(file);

			const result = await run([cliPath, '--json', '--config-dir', dir]);
			expect(result.signal).toBeNull();
			expect(result.code).toBe(0);
			expect((JSON.parse(result.stdout) as unknown[]).length).toBeGreaterThan(0);
			expect(result.stderr).toBe(`flashnews: ${file} ${problem}; changes will not be saved\n`);
			expect(fs.readdirSync(dir)).toEqual([name]);
			expect(fs.lstatSync(file)).toMatchObject({ino: before.ino, mode: before.mode});
		},
		TEST_TIMEOUT_MS,
	);

	async function fifoWhileOpen(name: string): Promise<{dir: string; notices: unknown}> {
		const dir = makeTempDir();
		const result = await run([childScript, bundle, dir, 'fifo-then-mark', name]);
		expect(result.signal).toBeNull();
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(fs.lstatSync(path.join(dir, name)).isFIFO()).toBe(true);
		return {dir, notices: JSON.parse(result.stdout)};
	}

	it(
		'stops saving with a notice instead of hanging when a FIFO takes the place of the journal while the store is open',
		async () => {
			const {notices} = await fifoWhileOpen('journal.jsonl');
			expect(notices).toEqual([
				expect.stringMatching(/^could not save changes to .*: .*journal\.jsonl is not a regular file; changes will not be saved$/),
			]);
		},
		TEST_TIMEOUT_MS,
	);

	it(
		'keeps changes in the journal, with a notice instead of hanging, when a FIFO takes the place of config.json while the store is open',
		async () => {
			const {dir, notices} = await fifoWhileOpen('config.json');
			expect(notices).toEqual([
				expect.stringMatching(
					/^could not save .*config\.json: .*config\.json is not a regular file; changes are kept in the journal for next time$/,
				),
			]);
			fs.rmSync(path.join(dir, 'config.json'));
			const store = openIn(dir);
			expect(store.notices).toEqual([]);
			expect(store.isRead('marked-after-the-fifo')).toBe(true);
		},
		TEST_TIMEOUT_MS,
	);
});

describe('links and large files where the state belongs', () => {
	it('neither replaces a symbolic link at config.json nor writes through it, and says changes will not be saved', () => {
		const dir = makeTempDir();
		const elsewhere = path.join(makeTempDir(), 'kept-elsewhere.json');
		const writer = openIn(path.dirname(elsewhere));
		writer.setBookmark(article('kept'), true);
		writer.close();
		fs.renameSync(path.join(path.dirname(elsewhere), 'config.json'), elsewhere);
		const content = fs.readFileSync(elsewhere, 'utf8');
		const file = path.join(dir, 'config.json');
		fs.symlinkSync(elsewhere, file);

		const store = openIn(dir);
		expect(store.notices).toEqual([`${file} is a symbolic link, not a regular file; changes will not be saved`]);
		store.setRead('in-memory-only', true);
		store.close();
		expect(fs.readlinkSync(file)).toBe(elsewhere);
		expect(fs.readFileSync(elsewhere, 'utf8')).toBe(content);
		expect(fs.readdirSync(dir)).toEqual(['config.json']);
	});

	it('leaves a state file larger than it can read as it is, and says changes will not be saved', () => {
		const dir = makeTempDir();
		const file = path.join(dir, 'config.json');
		// Sparse: no disk space is taken.
		fs.closeSync(fs.openSync(file, 'w'));
		fs.truncateSync(file, MAX_STATE_BYTES + 1);

		const store = openIn(dir);
		expect(store.notices).toEqual([
			expect.stringMatching(/config\.json is larger than flashnews reads \(\d+ MB; at most \d+ MB\); changes will not be saved$/),
		]);
		store.setRead('in-memory-only', true);
		store.close();
		expect(store.isRead('in-memory-only')).toBe(true);
		expect(fs.statSync(file).size).toBe(MAX_STATE_BYTES + 1);
		expect(fs.readdirSync(dir)).toEqual(['config.json']);
	});
});
