// Search as you type: an article matches when every word of the query occurs in its title, byline,
// feed, section, categories, summary or body, ignoring case and accents ("kulture" finds "Kulturë").
// Each article's text is folded once, when the index is built; a query that extends the previous
// one (the usual case while typing) only re-checks the previous matches, and deleting back to an
// earlier query reuses its matches.

import type {Article, ArticleBody} from '../articles/article.js';
import {decodeHtmlLoose} from '../text/html-entities.js';

const PLAIN_ASCII = /^[\u0000-\u007F]*$/;
const COMBINING_MARKS = /\p{M}+/gu;
const MARKUP = /<!--[\s\S]*?-->|<[^>]*>/g;

/** Lower case without accents or other combining marks, for comparing. */
export function foldForSearch(text: string): string {
	if (PLAIN_ASCII.test(text)) return text.toLowerCase();
	return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().normalize('NFC');
}

// Only for matching: tags become spaces and entities characters, without the care (and the cost:
// about twice as long at 50,000 articles) of the text shown on screen.
function htmlWords(html: string): string {
	const text = html.includes('<') ? html.replace(MARKUP, ' ') : html;
	return decodeHtmlLoose(text);
}

function bodyWords(body: ArticleBody): string {
	return body.format === 'html' ? htmlWords(body.value) : body.value;
}

/** Everything an article is found by, folded: the text one article adds to the index. */
export function searchText(article: Article): string {
	const {title, author, feed, section, categories, summary, content} = article;
	return foldForSearch([title, author ?? '', feed, section ?? '', categories.join(' '), bodyWords(summary), bodyWords(content)].join('\n'));
}

/** A search under way: each `advance` works until `stop()` says so, and gives the matches once done. */
export type SearchRun = {advance(stop: () => boolean): readonly Article[] | undefined};

export type Search = {
	/** The articles matching `query`, in their original order; all of them for an empty query. */
	run(query: string): readonly Article[];
	/** Starts matching `query`, to be done by the run's `advance` in as many calls as it takes. */
	start(query: string): SearchRun;
};

export function queryTerms(query: string): string[] {
	return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/** How many articles are checked between two looks at the clock. */
const CHECKS_PER_SLICE = 512;

function finished(found: readonly Article[]): SearchRun {
	return {advance: () => found};
}

/**
 * Builds the index of `articles` (once, here) and returns a searcher that remembers its queries.
 * `textOf` gives each article's folded text: `searchText`, or a cache of it shared between searches.
 */
export function createSearch(articles: readonly Article[], textOf: (article: Article) => string = searchText): Search {
	const texts = articles.map(article => textOf(article));
	const everything = Int32Array.from(articles, (_, index) => index);
	// The queries typed so far, each extending the one before it, with their matches (as
	// articles too, once asked: the same array each time the query comes back).
	const typed: {folded: string; matches: Int32Array; found?: readonly Article[]}[] = [];
	const forget = (folded: string) => {
		while (typed.length > 0 && !folded.startsWith(typed.at(-1)!.folded)) typed.pop();
	};
	const articlesOf = (matches: Int32Array): readonly Article[] => {
		if (matches.length === articles.length) return articles;
		const found = new Array<Article>(matches.length);
		for (let at = 0; at < matches.length; at++) found[at] = articles[matches[at]!]!;
		return found;
	};

	const start = (query: string): SearchRun => {
		const folded = queryTerms(query).join(' ');
		forget(folded);
		if (folded === '') return finished(articles);
		const last = typed.at(-1);
		if (last?.folded === folded) {
			last.found ??= articlesOf(last.matches);
			return finished(last.found);
		}
		// Every term of a query that extends an earlier one implies a term of that one.
		const candidates = last?.matches ?? everything;
		const terms = folded.split(' ');
		const found = new Int32Array(candidates.length);
		let count = 0;
		let at = 0;
		let result: readonly Article[] | undefined;
		return {
			advance(stop) {
				if (result !== undefined) return result;
				while (at < candidates.length) {
					const end = Math.min(candidates.length, at + CHECKS_PER_SLICE);
					next: for (; at < end; at++) {
						const index = candidates[at]!;
						const text = texts[index]!;
						for (const term of terms) if (!text.includes(term)) continue next;
						found[count++] = index;
					}
					if (at < candidates.length && stop()) return undefined;
				}
				const matches = found.subarray(0, count);
				result = articlesOf(matches);
				forget(folded);
				if (typed.at(-1)?.folded !== folded) typed.push({folded, matches, found: result});
				return result;
			},
		};
	};

	return {
		run: query => start(query).advance(() => false)!,
		start,
	};
}
