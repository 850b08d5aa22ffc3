import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import type {Article} from '../../src/core/articles/article.js';
import {openStore} from '../../src/store/open-store.js';
import type {ReaderStore} from '../../src/store/types.js';

const made: string[] = [];

/** A fresh temporary directory, removed by removeTempDirs(). */
export function makeTempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashnews-store-'));
	made.push(dir);
	return dir;
}

export function removeTempDirs(): void {
	for (const dir of made.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
}

const opened: ReaderStore[] = [];

/** Opens a store in `configDir`; closeStoresAndDirs() closes it after the test. */
export function openIn(configDir: string, now?: () => number): ReaderStore {
	const store = openStore({configDir, ...(now ? {now} : {})});
	opened.push(store);
	return store;
}

export function closeStoresAndDirs(): void {
	for (const store of opened.splice(0)) store.close();
	removeTempDirs();
}

export function article(id: string, overrides: Partial<Article> = {}): Article {
	return {
		id,
		title: `Title of ${id}`,
		author: 'A. Writer',
		feed: 'Test Feed',
		section: 'Bota',
		published: 1_764_000_000_000,
		link: `https://example.com/${encodeURIComponent(id)}`,
		summary: {format: 'text', value: `Summary of ${id}`},
		content: {format: 'html', value: `<p>Body of ${id}</p>`},
		categories: ['news'],
		...overrides,
	};
}

export const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

/**
 * Bundles the store into one self-contained .mjs file, so that plain `node` child processes can
 * run it (vitest compiles TypeScript only for its own workers).
 */
export async function bundleStore(outDir: string): Promise<string> {
	const outfile = path.join(outDir, 'store.mjs');
	await build({
		entryPoints: [fileURLToPath(new URL('../../src/store/open-store.ts', import.meta.url))],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		banner: {js: "import {createRequire as __storeRequire} from 'node:module';const require=__storeRequire(import.meta.url);"},
		logLevel: 'silent',
	});
	return outfile;
}
