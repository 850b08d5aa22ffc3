import type {Article} from '../articles/article.js';
import {searchText} from './search.js';

/**
 * Each article's folded search text, made once and kept as long as the article object lives, so
 * every search over any list of the same articles (a view, a sort, the next load) reuses it.
 */
export type SearchTexts = {
	textOf(article: Article): string;
	/**
	 * Folds the texts of `articles` from index `from` on, stopping early once `stop()` says so
	 * (asked only after one has been folded, so every call gets on); returns the index reached
	 * (`articles.length` when every one is folded).
	 */
	fold(articles: readonly Article[], from: number, stop: () => boolean): number;
};

export function createSearchTexts(): SearchTexts {
	const texts = new WeakMap<Article, string>();
	const textOf = (article: Article): string => {
		let text = texts.get(article);
		if (text === undefined) {
			text = searchText(article);
			texts.set(article, text);
		}
		return text;
	};
	return {
		textOf,
		fold(articles, from, stop) {
			let at = from;
			let folded = false;
			while (at < articles.length) {
				const article = articles[at]!;
				if (!texts.has(article)) {
					if (folded && stop()) return at;
					texts.set(article, searchText(article));
					folded = true;
				}
				at++;
			}
			return at;
		},
	};
}
