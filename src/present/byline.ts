import type {Article} from '../core/articles/article.js';
import {displayWidth, truncateToWidth} from './text-width.js';
import {formatRelativeTime, formatTimestamp} from './time-format.js';

// The byline, "author · source · time", is made here for every screen and printer.

const SEPARATOR = ' · ';
/** Below this many columns the author and source are left out and only the time is shown. */
const MIN_WHO_WIDTH = 6;

/** Who wrote it and where: "Author · Feed", either part left out when the feed gave none. */
export function bylineWho(article: Article): string {
	return [article.author, article.feed].filter(part => part).join(SEPARATOR);
}

/** The byline for a headline row, cut to `room` columns; the time is what a reader scans for, so it is cut last. */
export function fitByline(article: Article, now: number, room: number): string {
	const when = formatRelativeTime(article.published, now);
	const who = bylineWho(article);
	if (when === '') return truncateToWidth(who, room);
	if (who === '') return truncateToWidth(when, room);
	const whoRoom = room - displayWidth(when) - SEPARATOR.length;
	if (whoRoom < MIN_WHO_WIDTH) return truncateToWidth(when, room);
	return `${truncateToWidth(who, whoRoom)}${SEPARATOR}${when}`;
}

/** The byline for plain output: "Author · Feed · 2025-04-17 16:40" (local time, sortable). */
export function plainByline(article: Article): string {
	return [bylineWho(article), formatTimestamp(article.published)].filter(part => part).join(SEPARATOR);
}

/** Section and categories, each once: "Bota · Ukraine · Diplomacy". */
export function topicLine(article: Article): string {
	const topics = [article.section, ...article.categories.filter(category => category !== article.section)];
	return topics.filter(topic => topic).join(SEPARATOR);
}
