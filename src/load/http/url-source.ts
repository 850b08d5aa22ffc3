import type {Source} from '../source.js';
import type {FetchFeedOptions} from './fetch-feed.js';
import type {FetchLimiter} from './fetch-limiter.js';
import {fetchFeedSource} from './remote-source.js';

/** How feeds are fetched in this run: identity, timeout, and the limit shared by every fetch. */
export type WebSettings = {
	fetch: Pick<FetchFeedOptions, 'version' | 'homepage' | 'timeoutMs'>;
	limiter: FetchLimiter;
	/** --offline: nothing is fetched. */
	offline: boolean;
};

/** A feed named by URL on the command line: fetched each time, never cached (subscriptions are). */
export function urlSource(url: string, label: string, web: WebSettings): Source {
	return {
		id: url,
		label,
		async load() {
			if (web.offline) return {ok: false, source: label, error: 'not fetched: --offline reads only subscribed feeds from the cache'};
			const outcome = await fetchFeedSource(url, {...web.fetch, label, limiter: web.limiter});
			if (outcome.fetched === 'not-modified')
				return {ok: false, source: label, error: 'the server answered "not modified" to a request without validators'};
			return outcome.result;
		},
	};
}
