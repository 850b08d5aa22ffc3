import {basename} from 'node:path';
import {parseFeedDate} from '../text/feed-date.js';
import {bodyToText, inlineHtmlToText} from '../text/html-text.js';
import {sanitizeLine, sanitizeText} from '../text/sanitize.js';
import type {Article, ArticleBody} from './article.js';
import {articleId} from './article-id.js';
import type {RawFeed, RawItem, RawText} from './raw-feed.js';
import {resolveLink} from './resolve-link.js';

export type NormalizedFeed = {title: string; articles: Article[]; warnings: string[]};

export const UNTITLED = '(untitled)';
const TITLE_FROM_TEXT_LENGTH = 80;
const EMPTY_BODY: ArticleBody = Object.freeze({format: 'text', value: ''});

// inlineHtmlToText returns sanitized one-line text (sanitizeLine is its last step).
function oneLine(value: string | undefined): string {
	return typeof value === 'string' ? inlineHtmlToText(value) : '';
}

/** The feed's own title, else the name of the file (or host) it came from. */
export function fallbackFeedTitle(source: string): string {
	try {
		const url = new URL(source);
		if (url.protocol === 'http:' || url.protocol === 'https:') return sanitizeLine(url.hostname);
	} catch {
		// Not a URL: a file path.
	}
	return sanitizeLine(basename(source)) || sanitizeLine(source) || 'feed';
}

// RSS <author> is "email (Name)"; some feeds write "Name <email>". The reader wants the name.
const EMAIL_THEN_NAME = /^[^\s@()<>]+@[^\s()<>]+\s*\((.+)\)$/;
const NAME_THEN_EMAIL = /^(.+?)\s*<[^\s<>@]+@[^\s<>]+>$/;

function tidyAuthor(value: string | undefined): string | null {
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	const name = EMAIL_THEN_NAME.exec(trimmed)?.[1] ?? NAME_THEN_EMAIL.exec(trimmed)?.[1] ?? trimmed;
	return oneLine(name) || null;
}

function toBody(text: RawText | undefined, base: string | null): ArticleBody {
	if (text === undefined || typeof text.value !== 'string') return EMPTY_BODY;
	const value = sanitizeText(text.value).trim();
	if (value === '') return EMPTY_BODY;
	return text.html && base !== null ? {format: 'html', value, base} : {format: text.html ? 'html' : 'text', value};
}

function cleanCategories(values: string[] | undefined): string[] {
	if (!Array.isArray(values)) return [];
	const seen = new Set<string>();
	const result: string[] = [];
	for (const value of values) {
		const category = oneLine(value);
		const key = category.toLowerCase();
		if (category === '' || seen.has(key)) continue;
		seen.add(key);
		result.push(category);
	}
	return result;
}

// An untitled item is named by the start of its text, cut at a word boundary; else by its link,
// else by its date.
function fallbackTitle(summary: ArticleBody, content: ArticleBody, link: string | null, date: number | null): string {
	const body = summary.value !== '' ? summary : content;
	const text = body.value === '' ? '' : sanitizeLine(bodyToText(body));
	if (text === '') return link ?? (date === null ? UNTITLED : dateTitle(date));
	const chars = Array.from(text);
	if (chars.length <= TITLE_FROM_TEXT_LENGTH) return text;
	const cut = chars.slice(0, TITLE_FROM_TEXT_LENGTH).join('');
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > TITLE_FROM_TEXT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

// A title the feed declares plain text (Atom type="text") is shown as written, markup and all.
function titleText(title: RawText | undefined): string {
	if (title === undefined || typeof title.value !== 'string') return '';
	return title.html === false ? sanitizeLine(title.value) : oneLine(title.value);
}

function dateTitle(date: number): string {
	return `${new Date(date).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function toArticle(item: RawItem, feed: string, raw: RawFeed): Article {
	const link = resolveLink(item.link, [item.base, raw.base, raw.link]);
	// Links inside the body are relative to the article's page, else to the feed's base.
	const base = link ?? resolveLink('.', [item.base, raw.base, raw.link]);
	const summary = toBody(item.summary, base);
	const content = toBody(item.content, base);
	const categories = cleanCategories(item.categories);
	const published = parseFeedDate(item.published);
	const date = typeof published === 'number' && Number.isFinite(published) ? published : null;
	const finalTitle = titleText(item.title) || fallbackTitle(summary, content, link, date);
	return {
		id: articleId(feed, {id: item.id, link, title: finalTitle, published: date}),
		title: finalTitle,
		author: tidyAuthor(item.author),
		feed,
		// Only a section the feed names as such: a feed's first category is often a topic
		// ("Broadband"), and the section picker would fill with them.
		section: oneLine(item.section) || null,
		published: date,
		link,
		summary,
		content,
		categories,
	};
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

function errorText(error: unknown): string {
	return sanitizeLine(error instanceof Error ? error.message : error) || 'unknown error';
}

/**
 * Turns what a format parser found into Articles, one for every item: every string sanitized,
 * links absolute, dates parsed, ids stable. An item that repeats an earlier one's guid or link is
 * left out with a warning; items that have neither and come out alike are told apart by their
 * position. Bad items become warnings; this never throws for a well-typed RawFeed.
 */
export function normalizeFeed(raw: RawFeed, source: string): NormalizedFeed {
	const title = oneLine(raw.title) || fallbackFeedTitle(source);
	const warnings = (Array.isArray(raw.warnings) ? raw.warnings : []).map(warning => sanitizeLine(warning)).filter(Boolean);
	const articles: Article[] = [];
	const ids = new Set<string>();
	let duplicates = 0;
	raw.items.forEach((item, index) => {
		try {
			const article = toArticle(item, title, raw);
			if (ids.has(article.id)) {
				// An id from the guid or link names the article; one made from title and date does not.
				if (sanitizeLine(item.id) !== '' || article.link !== null) {
					duplicates++;
					return;
				}
				let copy = 2;
				while (ids.has(`${article.id}~${copy}`)) copy++;
				article.id = `${article.id}~${copy}`;
			}
			ids.add(article.id);
			articles.push(article);
		} catch (error) {
			warnings.push(`skipped item ${index + 1}: ${errorText(error)}`);
		}
	});
	if (duplicates > 0)
		warnings.push(`${plural(duplicates, 'duplicate article was', 'duplicate articles were')} skipped (same id as an earlier one)`);
	return {title, articles, warnings};
}
