/** One subscription as a list of them (OPML, a newsboat urls file) describes it. */
export type SubscriptionEntry = {
	/** The feed: an http(s) URL, or whatever the list gave (the importer checks it). */
	url: string;
	title?: string;
	/** Folders from the outermost in; absent when the feed is in none. */
	group?: string[];
	/** The site the feed belongs to. */
	htmlUrl?: string;
};

/** A subscription list read: every entry, or one line saying why the list cannot be read. */
export type SubscriptionListResult = {ok: true; subscriptions: SubscriptionEntry[]; warnings: string[]} | {ok: false; error: string};

/** Entries in list order, each URL once: a feed listed again (say, in a second folder) keeps its first place. */
export class SubscriptionCollector {
	readonly subscriptions: SubscriptionEntry[] = [];
	readonly warnings: string[] = [];
	private readonly seen = new Set<string>();
	private duplicates = 0;

	add(entry: SubscriptionEntry): void {
		if (this.seen.has(entry.url)) {
			this.duplicates++;
			return;
		}
		this.seen.add(entry.url);
		this.subscriptions.push(entry);
	}

	warn(message: string): void {
		this.warnings.push(message);
	}

	result(): SubscriptionListResult {
		const warnings = [...this.warnings];
		if (this.duplicates > 0) {
			warnings.push(
				`${this.duplicates} ${this.duplicates === 1 ? 'feed was' : 'feeds were'} listed more than once; the first listing was kept`,
			);
		}
		if (this.subscriptions.length === 0) warnings.push('no feeds found');
		return {ok: true, subscriptions: this.subscriptions, warnings};
	}
}
