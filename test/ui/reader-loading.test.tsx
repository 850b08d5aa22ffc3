import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {FeedResult} from '../../src/core/articles/article.js';
import {createMemoryStore} from '../../src/store/memory-store.js';
import {createKeymap, type Keymap} from '../../src/ui/keys/keymap.js';
import {fakeSource, makeArticles, okResult} from './helpers/articles.js';
import {eventually, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

const broken: FeedResult = {ok: false, source: '/feeds/broken.xml', error: 'not a feed'};

describe('loading feeds', () => {
	it('shows a loading line until every feed has arrived, with the articles that already did', async () => {
		const slow = fakeSource(okResult('Slow', makeArticles(4).slice(2)), {deferred: true});
		const app = await renderReader([fakeSource(okResult('Fast', makeArticles(2))), slow]);
		expect(app.statusLine()).toContain('1 of 2 feeds loaded…');
		expect(app.frame()).toContain('Headline number 2');
		slow.release();
		await eventually(app.frame).toContain('Headline number 4');
		await eventually(app.statusLine).not.toContain('loaded');
	});

	it('keeps the cursor on the same article when a feed with newer articles arrives', async () => {
		const newer = fakeSource(okResult('Newer', makeArticles(3)), {deferred: true});
		const app = await renderReader([fakeSource(okResult('Older', makeArticles(6).slice(3))), newer]);
		await press(app.stdin, 'j');
		await eventually(app.selectedLine).toContain('Headline number 5');
		newer.release();
		await eventually(app.frame).toContain('Headline number 1');
		expect(app.selectedLine()).toContain('Headline number 5');
	});

	it('responds to keys, including q, while feeds are still loading', async () => {
		const never = fakeSource(okResult('Never', makeArticles(1)), {deferred: true});
		const store = createMemoryStore();
		let flushed = false;
		const app = await renderReader([never], {
			store: {
				...store,
				flush: () => {
					flushed = true;
				},
			},
		});
		expect(app.frame()).toContain('Loading…');
		await press(app.stdin, '?');
		await eventually(app.frame).toContain('Next headline');
		await press(app.stdin, 'x', 'q');
		expect(flushed).toBe(true);
	});

	it('shows a failed feed in the status line while the others show their articles', async () => {
		const app = await renderReader([fakeSource(broken), fakeSource(okResult('Good', makeArticles(2)))]);
		expect(app.statusLine()).toContain('✗ /feeds/broken.xml: not a feed');
		expect(app.frame()).toContain('Headline number 1');
		expect(app.frame()).toContain('Headline number 2');
	});

	it('shows the store notices in the status line', async () => {
		const store = createMemoryStore(undefined, {notices: ['state file was corrupt; moved aside']});
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(1)))], {store});
		expect(app.statusLine()).toContain('state file was corrupt; moved aside');
	});

	it('treats a source that rejects as a failed feed', async () => {
		const rejecting = {id: 'x', label: 'bad-source', load: () => Promise.reject(new Error('exploded'))};
		const app = await renderReader([rejecting, fakeSource(okResult('Good', makeArticles(1)))]);
		expect(app.statusLine()).toContain('✗ bad-source: exploded');
		expect(app.frame()).toContain('Headline number 1');
	});

	it('turns the spinner while a feed loads without drawing the rest of the reader again', async () => {
		// The hint bar asks the keymap for its hints whenever the reader itself renders.
		const keymap = createKeymap();
		let readerRenders = 0;
		const counting: Keymap = {
			...keymap,
			hints(screen) {
				readerRenders++;
				return keymap.hints(screen);
			},
		};
		const slow = fakeSource(okResult('Slow', makeArticles(1)), {deferred: true});
		const app = await renderReader([slow], {keymap: counting});
		const spinner = () => app.statusLine().trim().charAt(0);
		const first = spinner();
		const before = readerRenders;
		await eventually(spinner).not.toBe(first);
		const second = spinner();
		await eventually(spinner).not.toBe(second);
		expect(readerRenders).toBe(before);
		slow.release();
		await eventually(app.frame).toContain('Headline number 1');
		expect(app.statusLine()).not.toContain('loaded');
	});
});
