import type {Article} from '../../core/articles/article.js';
import {ALL_ARTICLES, type ArticleFilter, applyFilter} from '../../core/search/article-filter.js';
import type {ReaderEnv} from '../reader/reader-state.js';

/** Which articles a view starts from: every loaded one, the unread ones, or the saved snapshots. */
export type ViewScope = 'all' | 'unread' | 'saved';
/** Newest first, or grouped by feed (feeds by name, newest first within each). */
export type SortOrder = 'date' | 'feed';

export type ViewSettings = {scope: ViewScope; filter: ArticleFilter; sort: SortOrder};

export const ALL_VIEW: ViewSettings = {scope: 'all', filter: ALL_ARTICLES, sort: 'date'};

/** Newest first, undated last, as the loader merges feeds; the order of equals is kept. */
function byDate(articles: readonly Article[]): Article[] {
	const dated = articles.filter(article => article.published !== null);
	dated.sort((a, b) => (b.published ?? 0) - (a.published ?? 0));
	return dated.concat(articles.filter(article => article.published === null));
}

/** Grouped by feed name, alphabetically; each feed's articles keep their order. */
export function sortByFeed(articles: readonly Article[]): Article[] {
	const names = [...new Set(articles.map(article => article.feed))].sort((a, b) => a.localeCompare(b));
	const rank = new Map(names.map((name, index) => [name, index]));
	return [...articles].sort((a, b) => rank.get(a.feed)! - rank.get(b.feed)!);
}

/**
 * The articles a view lists before any search. The saved view lists the stored bookmark
 * snapshots, so a saved article stays readable after it has left its feed, or its feed is gone.
 * `kept`: ids the unread view listed already, which stay although they have been read since, so
 * an article does not vanish from under the reader as it is opened.
 */
export function viewArticles(
	all: readonly Article[],
	settings: ViewSettings,
	env: Pick<ReaderEnv, 'isRead' | 'bookmarks'>,
	kept?: ReadonlySet<string>,
): readonly Article[] {
	let source: readonly Article[];
	switch (settings.scope) {
		case 'all':
			source = all;
			break;
		case 'unread':
			source = all.filter(article => !env.isRead(article.id) || kept?.has(article.id) === true);
			break;
		case 'saved':
			source = byDate(env.bookmarks?.() ?? []);
			break;
	}
	const filtered = applyFilter(source, settings.filter);
	return settings.sort === 'feed' ? sortByFeed(filtered) : filtered;
}
