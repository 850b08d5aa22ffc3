import {it} from 'vitest';
import {readFileSync} from 'node:fs';
import {parseFeed} from '../../src/core/parse-feed.js';
import {step} from '../../src/ui/reader/reader-reducer.js';
import {initialReaderState, type ReaderEnv} from '../../src/ui/reader/reader-state.js';
import {createSearchIndex} from '../../src/ui/search/search-index.js';
import {createMemoryStore} from '../../src/store/memory-store.js';
import {countArticles} from '../../src/ui/chrome/article-counts.js';

it('reducer timing', async () => {
	const path = 'bench/out/feeds/bench-v2-50000.rss';
	const result = await parseFeed(readFileSync(path), path);
	if (!result.ok) throw new Error('parse');
	const index = createSearchIndex({now: () => 0});
	const store = createMemoryStore();
	const env: ReaderEnv = {listRows: 27, detailRows: 26, detailLineCount: () => 10, isRead: id => store.isRead(id), bookmarks: () => store.bookmarks(), search: (a, q) => index.search(a, q)};
	let state = step(initialReaderState(), {type: 'articlesChanged', articles: result.articles}, env).state;
	state = step(state, {type: 'command', command: 'search'}, env).state;
	let t = performance.now();
	state = step(state, {type: 'searchType', text: 'h'}, env).state;
	console.log('first', (performance.now() - t).toFixed(0));
	const out: string[] = [];
	for (const key of 'arbour minister') {
		t = performance.now();
		state = step(state, {type: 'searchType', text: key}, env).state;
		const s = performance.now() - t;
		t = performance.now();
		countArticles(state.visible, store);
		out.push(`${key}:${s.toFixed(1)}/${(performance.now() - t).toFixed(1)}`);
	}
	console.log(out.join(' '));
}, 120000);
