import type {Article} from '../core/articles/article.js';
import {bodyToText} from '../core/text/html-text.js';
import {toIsoUtc} from './time-format.js';

/** The scripting contract (`--json`): these keys, in this order, plain text only. */
export type ArticleJson = {
	id: string;
	title: string;
	author: string | null;
	feed: string;
	/** ISO 8601 UTC, or null when the feed gave no usable date. */
	published: string | null;
	/** Absolute http(s)/mailto URL, or null. */
	link: string | null;
	summary: string;
	content: string;
	categories: string[];
	read: boolean;
	bookmarked: boolean;
	section: string | null;
};

export function toArticleJson(article: Article, state: {read: boolean; bookmarked: boolean}): ArticleJson {
	return {
		id: article.id,
		title: article.title,
		author: article.author,
		feed: article.feed,
		published: toIsoUtc(article.published),
		link: article.link,
		summary: bodyToText(article.summary),
		content: bodyToText(article.content),
		categories: [...article.categories],
		read: state.read,
		bookmarked: state.bookmarked,
		section: article.section,
	};
}
