import type {Article, FeedResult} from './article.js';

/**
 * Every article of the feeds that loaded, each id once (the first feed to name it wins), newest
 * first. Undated articles go last, in feed order. Relies on Array#sort being stable.
 */
export function mergeArticles(results: FeedResult[]): Article[] {
	const seen = new Set<string>();
	const dated: Article[] = [];
	const undated: Article[] = [];
	for (const result of results) {
		if (!result.ok) continue;
		for (const article of result.articles) {
			if (seen.has(article.id)) continue;
			seen.add(article.id);
			(article.published === null ? undated : dated).push(article);
		}
	}
	dated.sort((a, b) => (b.published ?? 0) - (a.published ?? 0));
	return dated.concat(undated);
}
