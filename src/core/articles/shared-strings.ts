import type {Article, ArticleBody} from './article.js';

// Articles that come from another thread arrive with every string a copy of its own: the feed's
// title, the same few authors, sections and categories, once per article. Sharing one copy of
// each keeps tens of thousands of articles a good deal smaller.

/** Strings longer than this are seldom repeated (titles, links, bodies): not worth a lookup. */
const SHARED_UP_TO = 200;

function sharedBody(body: ArticleBody): void {
	// The two formats as the literals this thread already has.
	body.format = body.format === 'html' ? 'html' : 'text';
}

/**
 * A function that makes the repeated strings of each article it is given (feed, author, section,
 * categories, body formats) the same strings as those of the articles given before. It changes
 * the articles in place, which must be plain objects of the caller's own.
 */
export function createStringSharer(): (article: Article) => void {
	const seen = new Map<string, string>();
	const share = (text: string): string => {
		if (text.length > SHARED_UP_TO) return text;
		const known = seen.get(text);
		if (known !== undefined) return known;
		seen.set(text, text);
		return text;
	};
	return article => {
		article.feed = share(article.feed);
		if (article.author !== null) article.author = share(article.author);
		if (article.section !== null) article.section = share(article.section);
		const {categories} = article;
		for (let index = 0; index < categories.length; index++) categories[index] = share(categories[index]!);
		sharedBody(article.summary);
		sharedBody(article.content);
	};
}
