import type {Article} from '../../core/articles/article.js';
import {bodyToText} from '../../core/text/html-text.js';
import {wrapLines} from '../../present/text-width.js';
import {bylineWho, topicLine} from '../../present/byline.js';
import {formatDateTime} from '../../present/time-format.js';
import type {StyleName} from '../../present/theme.js';

export type DetailLine = {text: string; style: StyleName};

export type DetailLayout = (article: Article) => readonly DetailLine[];

// What is laid out of one article: a title longer than a screen or text longer than a book is
// cut, with a line saying so, so that opening any article takes a moment at most.
export const MAX_TITLE_LINES = 12;
export const MAX_TEXT_LINES = 10_000;

/** The article's text, or its summary when the feed gave no content. */
export function articleText(article: Article): string {
	return bodyToText(article.content) || bodyToText(article.summary);
}

function buildLines(article: Article, width: number): DetailLine[] {
	const lines: DetailLine[] = [];
	const add = (text: string, style: StyleName, maxLines = MAX_TITLE_LINES) => {
		const wrapped = wrapLines(text, width, maxLines);
		for (const line of wrapped.lines) lines.push({text: line, style});
		if (wrapped.cut) lines.push({text: '… more (too long to show)', style: 'detailMeta'});
	};
	add(article.title, 'detailTitle');
	for (const meta of [bylineWho(article), formatDateTime(article.published), topicLine(article)]) {
		if (meta) add(meta, 'detailMeta');
	}
	if (article.link) add(article.link, 'link');
	lines.push({text: '', style: 'plain'});
	const text = articleText(article);
	if (text) add(text, 'plain', MAX_TEXT_LINES);
	else lines.push({text: '(this feed gives no text for the article)', style: 'detailMeta'});
	return lines;
}

/**
 * The open article as wrapped lines for one terminal width. The reducer asks for the line count
 * (to stop scrolling at the end) and the view for the lines, so both share one cached layout.
 */
export function createDetailLayout(width: number): DetailLayout {
	const cache = new WeakMap<Article, DetailLine[]>();
	return article => {
		let lines = cache.get(article);
		if (lines === undefined) {
			lines = buildLines(article, Math.max(1, width));
			cache.set(article, lines);
		}
		return lines;
	};
}
