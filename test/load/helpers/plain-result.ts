import {copyArticle, type FeedResult} from '../../../src/core/articles/article.js';

/** A result with plain articles: a worker's articles read their bodies through getters (packed-articles.ts). */
export function plainResult(result: FeedResult): FeedResult {
	return result.ok ? {...result, articles: result.articles.map(copyArticle)} : result;
}
