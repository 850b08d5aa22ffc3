import type {Article} from '../../core/articles/article.js';
import type {ReaderStore} from '../../store/types.js';
import type {ArticleCounts} from './chrome-lines.js';

/** The header's counts for the articles listed: all, unread, bookmarked. */
export function countArticles(articles: readonly Article[], store: ReaderStore): ArticleCounts {
	let unread = 0;
	let bookmarked = 0;
	for (const article of articles) {
		if (!store.isRead(article.id)) unread++;
		if (store.isBookmarked(article.id)) bookmarked++;
	}
	return {total: articles.length, unread, bookmarked};
}
