import {feedCacheDir} from '../../load/cache/cache-dir.js';
import {readCachedFeed} from '../../load/cache/feed-cache.js';
import {createTheme} from '../../present/theme.js';
import {formatTimestamp, toIsoUtc} from '../../present/time-format.js';
import {warn, writeOut} from '../output.js';
import {isWebAddress} from '../subscription-target.js';
import type {CommandContext, ExitStatus} from './context.js';

/** One subscription as `flashnews feeds --json` prints it. */
export type FeedJson = {
	url: string;
	title: string | null;
	group: string[];
	/** ISO 8601 UTC of the last successful refresh, or null. */
	lastRefresh: string | null;
	articles: number | null;
	unread: number | null;
	lastError: string | null;
};

/** `flashnews feeds`: each subscription with its title, last refresh, article and unread counts, last error. */
export function feedsCommand({args, store, configDir}: CommandContext): ExitStatus {
	if (args.urls) {
		for (const subscription of store.subscriptions()) writeOut(`${subscription.url}\n`);
		return 0;
	}
	const cacheDir = feedCacheDir(configDir);
	const rows: FeedJson[] = store.subscriptions().map(subscription => {
		const meta = store.feedMeta(subscription.url) ?? {};
		const cached = isWebAddress(subscription.url) ? readCachedFeed(cacheDir, subscription.url) : undefined;
		return {
			url: subscription.url,
			title: subscription.title ?? meta.title ?? cached?.title ?? null,
			group: subscription.group ?? [],
			lastRefresh: toIsoUtc(meta.lastRefresh ?? null),
			articles: cached?.articles.length ?? meta.articleCount ?? null,
			unread: cached === undefined ? null : cached.articles.filter(article => !store.isRead(article.id)).length,
			lastError: meta.lastError ?? null,
		};
	});
	if (args.json) {
		writeOut(`${JSON.stringify(rows, null, 2)}\n`);
		return 0;
	}
	const theme = createTheme();
	for (const row of rows) {
		const counts = row.articles === null ? 'not fetched yet' : `${row.articles} articles, ${row.unread ?? '?'} unread`;
		const refreshed = row.lastRefresh === null ? '' : ` · refreshed ${formatTimestamp(Date.parse(row.lastRefresh))}`;
		const group = row.group.length > 0 ? `[${row.group.join(' / ')}] ` : '';
		writeOut(`${group}${theme.title(row.title ?? row.url)} ${theme.byline(`— ${row.url} · ${counts}${refreshed}`)}\n`);
		if (row.lastError) writeOut(`  ${theme.error(`✗ ${row.lastError}`)}\n`);
	}
	if (rows.length === 0) warn('no subscriptions yet: flashnews add URL, or flashnews import FILE.opml');
	return 0;
}
