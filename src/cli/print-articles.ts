import type {Article} from '../core/articles/article.js';
import {toArticleJson} from '../present/article-json.js';
import {plainByline} from '../present/byline.js';
import {createTheme} from '../present/theme.js';
import type {ReaderStore} from '../store/types.js';
import {writeOut} from './output.js';

type ReadState = Pick<ReaderStore, 'isRead' | 'isBookmarked'>;

export function printJson(articles: readonly Article[], store: ReadState): void {
	const rows = articles.map(article =>
		toArticleJson(article, {read: store.isRead(article.id), bookmarked: store.isBookmarked(article.id)}),
	);
	writeOut(`${JSON.stringify(rows, null, 2)}\n`);
}

/**
 * `title — author · feed · date`, one article a line, styled with the reader's theme only on a
 * terminal; NO_COLOR drops colours (the theme keeps bold and dim).
 */
export function printPlain(articles: readonly Article[]): void {
	const theme = createTheme();
	const lines = articles.map(article => `${theme.title(article.title)} ${theme.byline(`— ${plainByline(article)}`)}`);
	if (lines.length > 0) writeOut(`${lines.join('\n')}\n`);
}
