import type {Article} from '../../core/articles/article.js';
import {createSearch, type Search} from '../../core/search/search.js';
import {createSearchTexts} from '../../core/search/search-texts.js';

/** A keystroke folds article texts for at most this long; the rest is folded in the background. */
const FOLD_NOW_MS = 8;
/** One background slice: keys typed meanwhile are read between slices. */
const SLICE_MS = 12;

export type SearchIndex = {
	/** The articles of `articles` matching `query`, in order; undefined while their texts are still being folded. */
	search(articles: readonly Article[], query: string): readonly Article[] | undefined;
	/** Called when a search that was left pending can be answered. */
	subscribe(listener: () => void): () => void;
	dispose(): void;
};

export type SearchIndexOptions = {foldNowMs?: number; sliceMs?: number; now?: () => number};

/**
 * The reader's search over any list of its articles. Each article's text (bodies included) is
 * folded once, on the first search that needs it, and kept while the article is. Tens of thousands
 * of articles take longer than a frame to fold: what does not fit in a keystroke is folded in
 * slices between key presses, and listeners are told when the list can be searched.
 */
export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
	const {foldNowMs = FOLD_NOW_MS, sliceMs = SLICE_MS, now = () => performance.now()} = options;
	const texts = createSearchTexts();
	const searches = new WeakMap<readonly Article[], Search>();
	const listeners = new Set<() => void>();
	let job: {articles: readonly Article[]; at: number} | undefined;
	let timer: NodeJS.Immediate | undefined;

	const deadline = (ms: number) => {
		const until = now() + ms;
		return () => now() >= until;
	};

	function foldInBackground(): void {
		timer = undefined;
		if (job === undefined) return;
		job.at = texts.fold(job.articles, job.at, deadline(sliceMs));
		if (job.at < job.articles.length) {
			timer = setImmediate(foldInBackground);
			return;
		}
		job = undefined;
		for (const listener of [...listeners]) listener();
	}

	return {
		search(articles, query) {
			let search = searches.get(articles);
			if (search === undefined) {
				const from = job?.articles === articles ? job.at : 0;
				const reached = texts.fold(articles, from, deadline(foldNowMs));
				if (reached < articles.length) {
					// The newest list wins: an older one's texts are mostly this one's too.
					job = {articles, at: reached};
					timer ??= setImmediate(foldInBackground);
					return undefined;
				}
				if (job?.articles === articles) job = undefined;
				search = createSearch(articles, texts.textOf);
				searches.set(articles, search);
			}
			return search.run(query);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		dispose() {
			if (timer !== undefined) clearImmediate(timer);
			timer = undefined;
			job = undefined;
		},
	};
}
