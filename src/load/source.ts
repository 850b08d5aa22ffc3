import type {FeedResult} from '../core/articles/article.js';
import {sanitizeLine} from '../core/text/sanitize.js';

/** Anything articles come from: a file, standard input, and next a remote subscription. */
export type Source = {
	/** Identifies the source across runs: an absolute file path or a URL. */
	id: string;
	/** What the user typed, safe to print. */
	label: string;
	/**
	 * Never rejects: failures are `{ok: false}` results. Called again for each refresh. A large
	 * feed may hand what it has parsed so far to `onPartial` meanwhile (a run of its articles).
	 */
	load(onPartial?: (partial: FeedResult) => void): Promise<FeedResult>;
	/** A copy known at once (a subscription's cache), shown until `load()` settles. */
	cached?(): FeedResult | undefined;
};

/** One source's result; a load that rejects anyway becomes that source's error, never a crash. */
export async function settleLoad(source: Source, onPartial?: (partial: FeedResult) => void): Promise<FeedResult> {
	try {
		return await source.load(onPartial);
	} catch (error) {
		return {
			ok: false,
			source: source.label,
			error: sanitizeLine(error instanceof Error ? error.message : String(error)) || 'could not load',
		};
	}
}
