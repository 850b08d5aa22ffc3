import type {Article} from '../../core/articles/article.js';
import {bodyToText} from '../../core/text/html-text.js';
import {wrapText} from '../../present/text-width.js';
import {bylineWho, topicLine} from '../../present/byline.js';
import {formatDateTime} from '../../present/time-format.js';
import type {StyleName} from '../../present/theme.js';

export type DetailLine = {text: string; style: StyleName};

export type DetailLayout = (article: Article) => readonly DetailLine[];

/** The article's text, or its summary when the feed gave no content. */
export function articleText(article: Article): string {
	return bodyToText(article.content) || bodyToText(article.summary);
}

function buildLines(article: Article, width: number): DetailLine[] {
	const lines: DetailLine[] = [];
	const add = (text: string, style: StyleName) => {
		for (const line of wrapText(text, width)) lines.push({text: line, style});
	};
	add(article.title, 'detailTitle');
	for (const meta of [bylineWho(article), formatDateTime(article.published), topicLine(article)]) {
		if (meta) add(meta, 'detailMeta');
	}
	if (article.link) add(article.link, 'link');
	lines.push({text: '', style: 'plain'});
	const text = articleText(article);
	if (text) add(text, 'plain');
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
