import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {Article, ArticleBody} from '../../core/articles/article.js';
import {readRegularFile, writeFileWhole} from '../files/safe-files.js';

// The last good copy of each subscribed feed, so the reader starts on cached articles at once and
// works offline. Per feed, two files: an index of what the list needs (ids, titles, bylines,
// dates, links), read at start-up, and the bodies, read the first time one of its articles'
// summary or text is asked for. Both are written whole (temporary file, then rename), 0600.

/** Old articles leave the cache: those not in the feed any more and older than this… */
export const CACHE_MAX_AGE_DAYS = 90;
/** …and beyond this many per feed, the oldest first. */
export const CACHE_MAX_ARTICLES = 500;

const FORMAT = 1;
const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;
const DAY_MS = 86_400_000;

export type CachedFeed = {
	url: string;
	title: string;
	/** When this copy was fetched (epoch ms). */
	savedAt: number;
	articles: Article[];
};

type IndexRow = [
	id: string,
	title: string,
	author: string | null,
	feed: string,
	section: string | null,
	published: number | null,
	link: string | null,
	categories: string[],
];
type BodyRow = [summary: ArticleBody, content: ArticleBody];
type IndexFile = {format: number; url: string; title: string; savedAt: number; articles: IndexRow[]};

const EMPTY_BODY: ArticleBody = {format: 'text', value: ''};

function cacheKey(url: string): string {
	return createHash('sha256').update(url).digest('hex').slice(0, 24);
}

function indexPath(dir: string, url: string): string {
	return path.join(dir, `${cacheKey(url)}.json`);
}

function bodiesPath(dir: string, url: string): string {
	return path.join(dir, `${cacheKey(url)}.bodies.json`);
}

function readJson(file: string): unknown {
	const bytes = readRegularFile(file, MAX_CACHE_FILE_BYTES);
	return bytes === undefined ? undefined : JSON.parse(bytes.toString('utf8'));
}

function isIndexFile(value: unknown, url: string): value is IndexFile {
	const file = value as IndexFile | null;
	return typeof file === 'object' && file !== null && file.format === FORMAT && file.url === url && Array.isArray(file.articles);
}

/** Reads a feed's bodies once, on first use; a missing or damaged file gives empty bodies. */
function lazyBodies(file: string): () => Record<string, BodyRow> {
	let bodies: Record<string, BodyRow> | undefined;
	return () => {
		if (bodies === undefined) {
			try {
				const value = readJson(file);
				bodies = typeof value === 'object' && value !== null ? (value as Record<string, BodyRow>) : {};
			} catch {
				bodies = {};
			}
		}
		return bodies;
	};
}

/**
 * An article whose bodies stay on disk until asked for. A class, not an object literal with
 * getters: tens of thousands are made at start-up, and prototype getters cost nothing per article.
 * Its bodies are not own properties, so copies go through `copyArticle`.
 */
class CachedArticle implements Article {
	readonly id: string;
	readonly title: string;
	readonly author: string | null;
	readonly feed: string;
	readonly section: string | null;
	readonly published: number | null;
	readonly link: string | null;
	readonly categories: string[];
	readonly #bodies: () => Record<string, BodyRow>;

	constructor(row: IndexRow, bodies: () => Record<string, BodyRow>) {
		[this.id, this.title, this.author, this.feed, this.section, this.published, this.link, this.categories] = row;
		this.#bodies = bodies;
	}

	get summary(): ArticleBody {
		return this.#bodies()[this.id]?.[0] ?? EMPTY_BODY;
	}

	get content(): ArticleBody {
		return this.#bodies()[this.id]?.[1] ?? EMPTY_BODY;
	}
}

/** The cached copy of `url`, or undefined when there is none or it cannot be read. */
export function readCachedFeed(dir: string, url: string): CachedFeed | undefined {
	let value: unknown;
	try {
		value = readJson(indexPath(dir, url));
	} catch {
		return undefined;
	}
	if (!isIndexFile(value, url)) return undefined;
	const bodies = lazyBodies(bodiesPath(dir, url));
	const articles: Article[] = [];
	for (const row of value.articles) if (Array.isArray(row) && typeof row[0] === 'string') articles.push(new CachedArticle(row, bodies));
	return {url, title: value.title, savedAt: value.savedAt, articles};
}

/**
 * The articles a new copy keeps: everything the feed has now, then earlier ones it no longer
 * lists, unless older than the age limit; at most the count limit, the feed's own first.
 */
export function retainedArticles(fresh: readonly Article[], earlier: readonly Article[], now: number): Article[] {
	const ids = new Set(fresh.map(article => article.id));
	const oldest = now - CACHE_MAX_AGE_DAYS * DAY_MS;
	const kept = earlier.filter(article => !ids.has(article.id) && article.published !== null && article.published >= oldest);
	return [...fresh, ...kept].slice(0, CACHE_MAX_ARTICLES);
}

/** Saves a fetched feed (merged with the earlier copy by the retention rule). Throws when it cannot write. */
export function writeCachedFeed(dir: string, url: string, title: string, articles: readonly Article[], now = Date.now()): CachedFeed {
	const earlier = readCachedFeed(dir, url)?.articles ?? [];
	const kept = retainedArticles(articles, earlier, now);
	fs.mkdirSync(dir, {recursive: true, mode: 0o700});
	const bodies: Record<string, BodyRow> = {};
	for (const article of kept) bodies[article.id] = [article.summary, article.content];
	writeFileWhole(bodiesPath(dir, url), Buffer.from(JSON.stringify(bodies)));
	const rows: IndexRow[] = kept.map(a => [a.id, a.title, a.author, a.feed, a.section, a.published, a.link, a.categories]);
	const index: IndexFile = {format: FORMAT, url, title, savedAt: now, articles: rows};
	writeFileWhole(indexPath(dir, url), Buffer.from(JSON.stringify(index)));
	return {url, title, savedAt: now, articles: kept};
}

/** Forgets a feed's copy (after `flashnews remove`). */
export function removeCachedFeed(dir: string, url: string): void {
	for (const file of [indexPath(dir, url), bodiesPath(dir, url)]) fs.rmSync(file, {force: true});
}
