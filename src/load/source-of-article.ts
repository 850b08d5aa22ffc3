import type {LoaderSnapshot} from './loader.js';

/** The indexes of the sources whose latest result holds the article `id` (usually one). */
export function sourcesOfArticle(snapshot: LoaderSnapshot, id: string): number[] {
	const indexes: number[] = [];
	snapshot.results.forEach((result, index) => {
		if (result?.ok && result.articles.some(article => article.id === id)) indexes.push(index);
	});
	return indexes;
}
