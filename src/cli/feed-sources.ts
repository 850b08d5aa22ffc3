import packageJson from '../../package.json' with {type: 'json'};
import {feedCacheDir} from '../load/cache/cache-dir.js';
import {createSource} from '../load/create-source.js';
import {createFetchLimiter} from '../load/http/fetch-limiter.js';
import type {WebSettings} from '../load/http/url-source.js';
import type {Source} from '../load/source.js';
import {subscriptionSource} from '../load/subscription-source.js';
import type {ReaderStore} from '../store/types.js';
import type {CliArgs} from './args/parse-args.js';
import {bundledFeedPaths} from './bundled-feeds.js';
import {isWebAddress} from './subscription-target.js';

export function webSettings(args: Pick<CliArgs, 'timeoutMs' | 'offline'>): WebSettings {
	return {
		fetch: {version: packageJson.version, ...(args.timeoutMs === undefined ? {} : {timeoutMs: args.timeoutMs})},
		limiter: createFetchLimiter(),
		offline: args.offline,
	};
}

export type ReadSources = {sources: Source[]; kind: 'arguments' | 'subscriptions' | 'samples'};

/**
 * What `flashnews` reads: the sources named on the command line; else the subscriptions (web feeds
 * with their cached copies); else, before any subscription, the bundled sample feeds.
 */
export function readSources(args: CliArgs, store: ReaderStore, configDir: string | undefined): ReadSources {
	const web = webSettings(args);
	if (args.args.length > 0) return {sources: args.args.map(arg => createSource(arg, process.cwd(), {web})), kind: 'arguments'};
	const subscriptions = store.subscriptions();
	if (subscriptions.length === 0) return {sources: bundledFeedPaths().map(path => createSource(path)), kind: 'samples'};
	const cacheDir = feedCacheDir(configDir);
	const sources = subscriptions.map(({url, title}) => {
		const label = title ?? url;
		if (!isWebAddress(url)) return createSource(url);
		return subscriptionSource(url, label, {cacheDir, offline: web.offline, fetch: web.fetch, limiter: web.limiter, records: store});
	});
	return {sources, kind: 'subscriptions'};
}
