import {statSync} from 'node:fs';
import {feedCacheDir} from '../../load/cache/cache-dir.js';
import {writeCachedFeed} from '../../load/cache/feed-cache.js';
import {fetchFeedSource, type RemoteFeed} from '../../load/http/remote-source.js';
import type {ReaderStore} from '../../store/types.js';
import {webSettings} from '../feed-sources.js';
import {warn, writeOut} from '../output.js';
import {isWebAddress, subscriptionTarget} from '../subscription-target.js';
import type {CommandContext, ExitStatus} from './context.js';

function isReadableFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

function subscribe(store: ReaderStore, url: string, title: string | undefined): boolean {
	return store.addSubscription({url, ...(title === undefined ? {} : {title})});
}

/** Keeps what a successful first fetch brought, so the reader starts on it. */
function keepFirstCopy(context: CommandContext, url: string, fetched: RemoteFeed): string {
	if (fetched.fetched === 'not-modified' || !fetched.result.ok) return '';
	const {result} = fetched;
	const copy = fetched.fetched as {etag?: string; lastModified?: string; fetchedAt: number};
	try {
		writeCachedFeed(feedCacheDir(context.configDir), url, result.title, result.articles, copy.fetchedAt);
	} catch {
		// Only a cache: the first refresh fetches it again.
	}
	context.store.setFeedMeta(url, {
		etag: copy.etag,
		lastModified: copy.lastModified,
		lastRefresh: copy.fetchedAt,
		lastError: null,
		articleCount: result.articles.length,
		title: result.title,
	});
	return ` (${result.title}, ${result.articles.length} ${result.articles.length === 1 ? 'article' : 'articles'})`;
}

/**
 * `flashnews add URL_OR_PATH [--title T]`. A web address is fetched once first: a feed is added
 * with its articles cached; a web page that names its feed has that feed added instead, saying
 * so; a page with no feed, or anything else that is no feed, is refused. When the feed cannot be
 * reached now (offline, a timeout), it is added anyway and fetched at the next refresh.
 */
export async function addCommand(context: CommandContext): Promise<ExitStatus> {
	const {args, store} = context;
	const given = args.args[0]!;
	let target = subscriptionTarget(given);
	if (store.subscriptions().some(subscription => subscription.url === target)) {
		warn(`already subscribed to ${target}`);
		return 0;
	}
	let detail = '';
	if (isWebAddress(target) && !args.offline) {
		const web = webSettings(args);
		let outcome = await fetchFeedSource(target, {...web.fetch, label: target});
		const link = 'feedLinks' in outcome ? outcome.feedLinks?.[0] : undefined;
		if (link !== undefined) {
			writeOut(`${target} is a web page; subscribing to its feed ${link.url}\n`);
			target = link.url;
			outcome = await fetchFeedSource(target, {...web.fetch, label: target});
		}
		if (outcome.fetched !== 'not-modified' && !outcome.result.ok) {
			if ('unreadable' in outcome && outcome.unreadable) {
				warn(`${target}: ${outcome.result.error}`);
				return 1;
			}
			warn(`${target}: ${outcome.result.error}; subscribed anyway, it will be fetched at the next refresh`);
		}
		try {
			if (!subscribe(store, target, args.title)) {
				warn(`already subscribed to ${target}`);
				return 0;
			}
		} catch (error) {
			warn(`${given}: ${error instanceof Error ? error.message : String(error)}`);
			return 1;
		}
		detail = keepFirstCopy(context, target, outcome);
	} else {
		if (!isWebAddress(target) && !isReadableFile(target)) {
			warn(`${given}: no such file`);
			return 1;
		}
		try {
			subscribe(store, target, args.title);
		} catch (error) {
			warn(`${given}: ${error instanceof Error ? error.message : String(error)}`);
			return 1;
		}
	}
	writeOut(`subscribed to ${target}${detail}\n`);
	return 0;
}
