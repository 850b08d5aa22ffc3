/** What refreshing a subscribed feed last learned, kept beside the subscription. */
export type FeedMeta = {
	/** Validators for the next conditional GET. */
	etag?: string;
	lastModified?: string;
	/** When the feed was last refreshed (epoch ms). */
	lastRefresh?: number;
	/** One line saying why the last refresh failed; null when it succeeded. */
	lastError?: string | null;
	/** No fetch before this time (epoch ms), from Retry-After or a 429. */
	retryAfter?: number;
	articleCount?: number;
	/** The feed's own title, as last fetched. */
	title?: string;
};
