import type {Article} from '../../core/articles/article.js';
import {openableUrl} from '../../core/links/openable-url.js';
import {bodyToText} from '../../core/text/html-text.js';
import {bodyToLinkedText, type LinkedText} from '../../core/text/linked-text.js';
import {bylineWho, topicLine} from '../../present/byline.js';
import type {StyleName} from '../../present/theme.js';
import {formatDateTime} from '../../present/time-format.js';
import {wrapLines, wrapText} from '../../present/wrap-text.js';

/**
 * One drawn line. `link` marks where an openable URL starts in the line (after a `[1] ` label, say),
 * so the view can make that part a hyperlink.
 */
export type DetailLine = {text: string; style: StyleName; link?: {url: string; from: number}};

export type DetailLayout = (article: Article) => readonly DetailLine[];

// What is laid out of one article: a title longer than a screen or text longer than a book is
// cut, with a line saying so, so that opening any article takes a moment at most.
export const MAX_TITLE_LINES = 12;
export const MAX_TEXT_LINES = 10_000;

/** The article's text, or its summary when the feed gave no content. */
export function articleText(article: Article): string {
	return bodyToText(article.content) || bodyToText(article.summary);
}

/** The text the article view shows, content else summary, with its links numbered. */
export function articleBody(article: Article): LinkedText {
	const content = bodyToLinkedText(article.content);
	return content.text ? content : bodyToLinkedText(article.summary);
}

/** The links of the open article's text: `[n]` in the text is `articleLinks(article)[n - 1]`. */
export function articleLinks(article: Article): readonly string[] {
	return articleBody(article).links;
}

export const LINKS_HEADING = 'Links (type a number, then o to open it or y to copy it)';

function linkLines(links: readonly string[], width: number): DetailLine[] {
	const labelWidth = `[${links.length}] `.length;
	const lines: DetailLine[] = [];
	for (const [index, link] of links.entries()) {
		const label = `[${index + 1}]`.padEnd(labelWidth);
		const openable = openableUrl(link);
		const shown = openable.ok ? link : `${link} (will not open)`;
		const pieces = wrapText(shown, Math.max(1, width - labelWidth));
		for (const [row, piece] of pieces.entries()) {
			const text = `${row === 0 ? label : ' '.repeat(labelWidth)}${piece}`;
			lines.push(openable.ok ? {text, style: 'link', link: {url: openable.url, from: labelWidth}} : {text, style: 'detailMeta'});
		}
	}
	return lines;
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
	if (article.link) {
		const openable = openableUrl(article.link);
		for (const text of wrapText(article.link, width)) {
			lines.push(openable.ok ? {text, style: 'link', link: {url: openable.url, from: 0}} : {text, style: 'link'});
		}
	}
	lines.push({text: '', style: 'plain'});
	const {text, links} = articleBody(article);
	if (text) add(text, 'plain', MAX_TEXT_LINES);
	else lines.push({text: '(this feed gives no text for the article)', style: 'detailMeta'});
	if (links.length > 0) {
		lines.push({text: '', style: 'plain'});
		add(LINKS_HEADING, 'detailMeta');
		lines.push(...linkLines(links, width));
	}
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
