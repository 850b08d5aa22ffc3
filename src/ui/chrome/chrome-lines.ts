// The one-line texts around the list and the article: the header, the status line and the hint
// bar, styled and fitted to the width. The components draw them, and so does the first frame
// painted before Ink starts (ui/first-frame/).
import {displayWidth} from '../../present/text-width.js';
import type {Theme} from '../../present/theme.js';
import type {Hint} from '../keys/keymap.js';
import {fitSegments, type Segment, spreadSegments} from './segments.js';

export type ArticleCounts = {total: number; unread: number; bookmarked: number};

/** The view's name on the left, its counts flush right. */
export function headerLine(label: string, counts: ArticleCounts, width: number, theme: Theme): string {
	const countText = `${counts.total} ${counts.total === 1 ? 'article' : 'articles'} · ${counts.unread} unread · ${counts.bookmarked} ★`;
	return spreadSegments([{text: label, style: 'header'}], [{text: countText, style: 'headerCounts'}], width, theme);
}

/** The status line's segments, two spaces apart, cut to the width. */
export function statusLineText(segments: readonly Segment[], width: number, theme: Theme): string {
	const separated = segments.flatMap((segment, index) => (index === 0 ? [segment] : [{text: '  ', style: 'plain'} as const, segment]));
	return fitSegments(separated, width, theme);
}

/** As many hints as fit in the width, whole; the rest are in the help (`?`). */
export function hintBarLine(hints: readonly Hint[], width: number, theme: Theme): string {
	let used = 0;
	let line = '';
	for (const hint of hints) {
		const gap = used === 0 ? 0 : 2;
		const hintWidth = displayWidth(hint.keys) + 1 + displayWidth(hint.text);
		if (used + gap + hintWidth > width) break;
		line += `${' '.repeat(gap)}${theme.hintKey(hint.keys)} ${theme.hint(hint.text)}`;
		used += gap + hintWidth;
	}
	return line;
}
