// The CLI bundle patches rss-parser not to make a plain-text snippet of every item, which flashnews
// never reads, and to load entities only if one is asked for (scripts/patches/rss-parser.mjs).
// Every RSS and Atom fixture goes through rss-parser bundled with and without the patches.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bundle, makeTempDir, patchNames, repoRoot} from './patched-bundle.js';

type ParserClass = new () => {parseString(xml: string): Promise<{items: Array<Record<string, unknown>>} & Record<string, unknown>>};
type Kit = {Parser: ParserClass};

const entry = "export {default as Parser} from 'rss-parser';";
let outDir = '';
let original: Kit;
let patched: Kit;
let applied: string[] = [];

beforeAll(async () => {
	outDir = makeTempDir('flashnews-rss-parser-');
	const bundled = await bundle<Kit>(outDir, 'patched', entry, {patched: true});
	patched = bundled.exports;
	applied = bundled.applied;
	original = (await bundle<Kit>(outDir, 'original', entry, {patched: false})).exports;
});

afterAll(() => {
	fs.rmSync(outDir, {recursive: true, force: true});
});

const fixtureDirs = ['test/fixtures/xml', 'test/fixtures/compat'].map(dir => path.join(repoRoot, dir));
const fixtures = fixtureDirs.flatMap(dir =>
	fs
		.readdirSync(dir)
		.filter(name => /\.(xml|cdf)$/.test(name))
		.map(name => path.join(dir, name)),
);

async function parsed(kit: Kit, xml: string) {
	try {
		return await new kit.Parser().parseString(xml);
	} catch (error) {
		return {error: error instanceof Error ? error.message : String(error)};
	}
}

describe('the patched rss-parser', () => {
	it('has both patches', () => {
		expect(applied.sort()).toEqual(patchNames('rss-parser').sort());
	});

	it('gives, for every fixture, what the original gives without the snippets', async () => {
		let withSnippets = 0;
		for (const file of fixtures) {
			const xml = fs.readFileSync(file, 'latin1');
			const expected = await parsed(original, xml);
			if ('items' in expected) {
				for (const item of expected.items) {
					if ('contentSnippet' in item) withSnippets++;
					delete item.contentSnippet;
				}
			}
			expect(await parsed(patched, xml), path.basename(file)).toEqual(expected);
		}
		// The comparison covered items that had a snippet to leave out.
		expect(withSnippets).toBeGreaterThan(20);
	});
});
