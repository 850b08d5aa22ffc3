import type {Article} from '../../core/articles/article.js';
import {createSearch, type Search, type SearchRun} from '../../core/search/search.js';
import {createSearchTexts} from '../../core/search/search-texts.js';

/** A keystroke works on the search for at most this long; the rest is done between key presses. */
const WORK_NOW_MS = 8;
/** One background slice: keys typed meanwhile are read between slices. */
const SLICE_MS = 12;

export type SearchIndex = {
	/** The articles of `articles` matching `query`, in order; undefined while the answer is still being worked out. */
	search(articles: readonly Article[], query: string): readonly Article[] | undefined;
	/** Starts folding the texts of `articles` in the background, ahead of a search (the search line just opened). */
	prepare(articles: readonly Article[]): void;
	/** Called when a search that was left pending can be answered: ask again. */
	subscribe(listener: () => void): () => void;
	dispose(): void;
};

export type SearchIndexOptions = {workNowMs?: number; sliceMs?: number; now?: () => number};

/** The work left over from the last search asked: folding its articles' texts, or matching its query. */
type Job = {kind: 'fold'; articles: readonly Article[]; at: number} | {kind: 'match'; run: SearchRun};

/**
 * The reader's search over any list of its articles. Each article's text (bodies included) is
 * folded once, on the first search that needs it, and kept while the article is. Folding tens of
 * thousands of texts, or matching a query against them, can take longer than a frame: what does
 * not fit in a keystroke goes on in slices between key presses (a newer query replaces an older
 * one's work), and listeners are told when the answer is ready.
 */
export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
	const {workNowMs = WORK_NOW_MS, sliceMs = SLICE_MS, now = () => performance.now()} = options;
	const texts = createSearchTexts();
	const searches = new WeakMap<readonly Article[], Search>();
	const listeners = new Set<() => void>();
	let job: Job | undefined;
	let timer: NodeJS.Immediate | undefined;

	const deadline = (ms: number) => {
		const until = now() + ms;
		return () => now() >= until;
	};

	/** Does the job's work until `stop`; true when it is done. */
	function work(current: Job, stop: () => boolean): boolean {
		if (current.kind === 'match') return current.run.advance(stop) !== undefined;
		current.at = texts.fold(current.articles, current.at, stop);
		return current.at === current.articles.length;
	}

	function workInBackground(): void {
		timer = undefined;
		if (job === undefined) return;
		if (!work(job, deadline(sliceMs))) {
			timer = setImmediate(workInBackground);
			return;
		}
		job = undefined;
		for (const listener of [...listeners]) listener();
	}

	/** Works on `next` now for a while; what is left becomes the background job. */
	function tryNow(next: Job): boolean {
		job = undefined;
		if (work(next, deadline(workNowMs))) return true;
		job = next;
		timer ??= setImmediate(workInBackground);
		return false;
	}

	return {
		search(articles, query) {
			let search = searches.get(articles);
			if (search === undefined) {
				const from = job?.kind === 'fold' && job.articles === articles ? job.at : 0;
				if (!tryNow({kind: 'fold', articles, at: from})) return undefined;
				search = createSearch(articles, texts.textOf);
				searches.set(articles, search);
			}
			const run = search.start(query);
			return tryNow({kind: 'match', run}) ? run.advance(() => false) : undefined;
		},
		prepare(articles) {
			if (searches.has(articles) || job !== undefined) return;
			job = {kind: 'fold', articles, at: 0};
			timer ??= setImmediate(workInBackground);
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
