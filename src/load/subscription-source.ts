import type {Article, FeedResult} from '../core/articles/article.js';
import type {FeedMeta} from '../core/feed-meta.js';
import {type CachedFeed, readCachedFeed, writeCachedFeed} from './cache/feed-cache.js';
import type {FetchFeedOptions} from './http/fetch-feed.js';
import type {FetchLimiter} from './http/fetch-limiter.js';
import {type FetchedCopy, fetchFeedSource} from './http/remote-source.js';
import type {Source} from './source.js';

/** The part of the store a subscription needs: passed in, so loading never imports the store. */
export type FeedRecords = {
	feedMeta(url: string): FeedMeta | undefined;
	setFeedMeta(url: string, meta: FeedMeta): void;
};

export type SubscriptionSourceOptions = {
	cacheDir: string;
	/** Read the cache only; fetch nothing. */
	offline: boolean;
	fetch: Pick<FetchFeedOptions, 'version' | 'homepage' | 'timeoutMs'>;
	limiter: FetchLimiter;
	records: FeedRecords;
	now?: () => number;
};

/** "5 min", "3 h", "2 days": how old a cached copy is, for a one-line warning. */
export function describeAge(ms: number): string {
	const minutes = Math.max(0, Math.round(ms / 60_000));
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.round(minutes / 60);
	if (hours < 48) return `${hours} h`;
	return `${Math.round(hours / 24)} days`;
}

function okResult(label: string, title: string, articles: Article[], warnings: string[] = []): FeedResult {
	return {ok: true, source: label, title, articles, warnings};
}

/**
 * A subscribed web feed: its cached copy at once, then a conditional fetch. A new copy replaces
 * the cache; "not modified" keeps it; a failure keeps showing it with one warning saying why.
 */
export function subscriptionSource(url: string, label: string, options: SubscriptionSourceOptions): Source {
	const now = options.now ?? Date.now;
	let copy: CachedFeed | undefined;
	let copyRead = false;
	const cachedCopy = () => {
		if (!copyRead) {
			copyRead = true;
			copy = readCachedFeed(options.cacheDir, url);
		}
		return copy;
	};
	const fromCache = (warning?: string): FeedResult | undefined => {
		const cached = cachedCopy();
		if (cached === undefined) return undefined;
		const warnings = warning === undefined ? [] : [`${warning}; showing the copy from ${describeAge(now() - cached.savedAt)} ago`];
		return okResult(label, cached.title, cached.articles, warnings);
	};
	const failed = (error: string): FeedResult => fromCache(error) ?? {ok: false, source: label, error};

	async function load(): Promise<FeedResult> {
		if (options.offline) return fromCache() ?? {ok: false, source: label, error: 'offline, and no copy of this feed is cached'};
		const record = options.records.feedMeta(url) ?? {};
		if (record.retryAfter !== undefined && record.retryAfter > now()) {
			return failed(`the server asked not to be asked again for ${describeAge(record.retryAfter - now())}`);
		}
		// Validators only make sense with the copy they describe.
		const validators = cachedCopy() === undefined ? {} : {etag: record.etag, lastModified: record.lastModified};
		const outcome = await fetchFeedSource(url, {...options.fetch, label, limiter: options.limiter, validators, now});
		if (outcome.fetched === 'not-modified') {
			options.records.setFeedMeta(url, {lastRefresh: now(), lastError: null, retryAfter: undefined});
			return fromCache() ?? {ok: false, source: label, error: 'the server said nothing changed, but no copy is cached'};
		}
		if (!outcome.result.ok) {
			const retryAfter = 'retryAfter' in outcome.fetched ? outcome.fetched.retryAfter : undefined;
			options.records.setFeedMeta(url, {lastError: outcome.result.error, retryAfter});
			return failed(outcome.result.error);
		}
		// Only a new copy has an ok result (see RemoteFeed).
		const result = outcome.result;
		const fetched = outcome.fetched as FetchedCopy;
		const warnings = [...result.warnings];
		let articles = result.articles;
		try {
			const saved = writeCachedFeed(options.cacheDir, url, result.title, result.articles, now());
			copy = saved;
			copyRead = true;
			articles = saved.articles;
		} catch (error) {
			warnings.push(`could not keep an offline copy: ${error instanceof Error ? error.message : String(error)}`);
		}
		options.records.setFeedMeta(url, {
			etag: fetched.etag,
			lastModified: fetched.lastModified,
			lastRefresh: now(),
			lastError: null,
			retryAfter: undefined,
			articleCount: articles.length,
			title: result.title,
		});
		return okResult(label, result.title, articles, warnings);
	}

	return {id: url, label, load, cached: () => fromCache()};
}
