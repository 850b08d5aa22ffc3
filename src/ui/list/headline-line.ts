import type {Article} from '../../core/articles/article.js';
import {fitByline} from '../../present/byline.js';
import {displayWidth, truncateToWidth} from '../../present/text-width.js';
import type {Theme} from '../../present/theme.js';
import {highlightMatches} from './highlight.js';

export type HeadlineLineProps = {
	article: Article;
	selected: boolean;
	read: boolean;
	bookmarked: boolean;
	width: number;
	now: number;
	theme: Theme;
	/** Folded search terms to mark in the title and byline; the same array while the query is. */
	terms: readonly string[];
};

/** Pointer, unread and bookmark columns, then a space. */
const PREFIX_WIDTH = 4;
/** The byline never takes more than this share of the space after the markers. */
const BYLINE_SHARE = 0.4;
const MIN_BYLINE_WIDTH = 6;

/** Title left, byline flush right, both cut to fit by display width so a row is always one line. */
function layoutRow(article: Article, width: number, now: number): {title: string; gap: string; byline: string} {
	const available = Math.max(0, width - PREFIX_WIDTH);
	const bylineRoom = Math.floor(available * BYLINE_SHARE);
	const bylineText = bylineRoom >= MIN_BYLINE_WIDTH ? fitByline(article, now, bylineRoom) : '';
	const bylineWidth = displayWidth(bylineText);
	const title = truncateToWidth(article.title, available - bylineWidth - (bylineWidth > 0 ? 2 : 0));
	const gap = ' '.repeat(Math.max(0, available - displayWidth(title) - bylineWidth));
	return {title, gap, byline: bylineText};
}

const plain = (text: string) => text;

/**
 * One headline row as styled text of exactly `width` columns: the list draws it, and so does the
 * first frame painted before Ink starts (ui/first-frame/).
 */
export function headlineLine({article, selected, read, bookmarked, width, now, theme, terms}: HeadlineLineProps): string {
	if (width < PREFIX_WIDTH) return ' '.repeat(Math.max(0, width));
	const {title, gap, byline: bylineText} = layoutRow(article, width, now);
	const mark = theme.searchMatch;
	const pointer = selected ? '›' : ' ';
	const unread = read ? ' ' : '●';
	const star = bookmarked ? '★' : ' ';
	// An empty marker column is a plain space: colouring it shows nothing and costs bytes on every move.
	return selected
		? theme.selected(
				`${pointer}${unread}${star} ${highlightMatches(title, terms, plain, mark)}${gap}${highlightMatches(bylineText, terms, plain, mark)}`,
			)
		: `${pointer}${read ? unread : theme.unreadMarker(unread)}${bookmarked ? theme.bookmarkMarker(star) : star} ${highlightMatches(title, terms, read ? theme.titleRead : theme.title, mark)}${gap}${highlightMatches(bylineText, terms, theme.byline, mark)}`;
}
