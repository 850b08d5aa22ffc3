import type {ArticleBody} from './article-body.js';

export type {ArticleBody} from './article-body.js';

/**
 * One news item, whatever format it came from. Every string here is already sanitized of terminal
 * controls. Bodies stay as the feed gave them (HTML or text) and are converted to plain text on
 * demand with `bodyToText` (src/core/text/html-text.ts): converting 50,000 HTML bodies up front would
 * cost seconds before the first frame.
 */
export type Article = {
	/** Stable across runs: guid/id, else link, else a hash of feed + title + date. */
	id: string;
	title: string;
	/** The byline's author string, or null when the feed names nobody. */
	author: string | null;
	/** Title of the feed (source) the article came from. */
	feed: string;
	/** Section or primary category, e.g. "Bota"; null when unknown. */
	section: string | null;
	/** Publication time in epoch milliseconds, or null when the feed gives no usable date. */
	published: number | null;
	/** Absolute http(s)/mailto URL, or null. */
	link: string | null;
	/** Short summary, may be empty. */
	summary: ArticleBody;
	/** Full article body, may be empty. */
	content: ArticleBody;
	categories: string[];
};

/** The outcome of loading one source: per-feed errors are data, never exceptions. */
export type FeedResult =
	| {ok: true; source: string; title: string; articles: Article[]; warnings: string[]}
	| {ok: false; source: string; error: string};

/**
 * A plain copy of every field. Articles may keep their bodies behind getters (a cached feed reads
 * them from disk on first use), which a spread would not copy.
 */
export function copyArticle(article: Article): Article {
	const {id, title, author, feed, section, published, link, summary, content, categories} = article;
	return {id, title, author, feed, section, published, link, summary, content, categories: [...categories]};
}
