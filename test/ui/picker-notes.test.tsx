import {cleanup} from 'ink-testing-library';
import {afterEach, describe, it} from 'vitest';
import type {FeedResult} from '../../src/core/articles/article.js';
import {fakeSource, makeArticles} from './helpers/articles.js';
import {eventually, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

describe('the feed picker as a feeds view', () => {
	it('shows each feed with its unread count, and why a feed shows an old copy', async () => {
		const fresh: FeedResult = {ok: true, source: 'fresh', title: 'Fresh', articles: makeArticles(3, () => ({feed: 'Fresh'})), warnings: []};
		const stale: FeedResult = {
			ok: true,
			source: 'stale',
			title: 'Stale',
			articles: makeArticles(5, index => ({id: `s${index}`, feed: 'Stale'})).slice(3),
			warnings: ['timed out after 20 s; showing the copy from 3 h ago'],
		};
		const app = await renderReader([fakeSource(fresh), fakeSource(stale)]);
		await press(app.stdin, 'm', 'f');
		await eventually(app.frame).toContain('Feed · Fresh (3) · 2 unread');
		await eventually(app.frame).toContain('Feed · Stale (2) · 2 unread · ⚠ timed out after 20 s; showing the copy from 3 h ago');
	});
});
