import type {Article} from '../articles/article.js';

/** Which articles the list shows: everything, one feed, or one section. */
export type ArticleFilter = {kind: 'all'} | {kind: 'feed'; feed: string} | {kind: 'section'; section: string};

export const ALL_ARTICLES: ArticleFilter = {kind: 'all'};

export function applyFilter(articles: readonly Article[], filter: ArticleFilter): readonly Article[] {
	switch (filter.kind) {
		case 'all':
			return articles;
		case 'feed':
			return articles.filter(article => article.feed === filter.feed);
		case 'section':
			return articles.filter(article => article.section === filter.section);
	}
}

/** A unique string per filter, for React keys and comparisons. */
export function filterKey(filter: ArticleFilter): string {
	switch (filter.kind) {
		case 'all':
			return 'all';
		case 'feed':
			return `feed:${filter.feed}`;
		case 'section':
			return `section:${filter.section}`;
	}
}

/** The header's name for a filter other than "all". */
export function filterLabel(filter: Exclude<ArticleFilter, {kind: 'all'}>): string {
	return filter.kind === 'feed' ? filter.feed : `Section: ${filter.section}`;
}

export type FilterChoice = {filter: ArticleFilter; label: string; count: number};

/** "All feeds", then each feed, then each section, alphabetically, with their article counts. */
export function filterChoices(articles: readonly Article[]): FilterChoice[] {
	const feeds = new Map<string, number>();
	const sections = new Map<string, number>();
	for (const article of articles) {
		feeds.set(article.feed, (feeds.get(article.feed) ?? 0) + 1);
		if (article.section !== null) sections.set(article.section, (sections.get(article.section) ?? 0) + 1);
	}
	const byName = (a: [string, number], b: [string, number]) => a[0].localeCompare(b[0]);
	return [
		{filter: ALL_ARTICLES, label: 'All feeds', count: articles.length},
		...[...feeds].sort(byName).map(([feed, count]) => ({filter: {kind: 'feed', feed} as const, label: `Feed · ${feed}`, count})),
		...[...sections]
			.sort(byName)
			.map(([section, count]) => ({filter: {kind: 'section', section} as const, label: `Section · ${section}`, count})),
	];
}
