import {Box, Text} from 'ink';
import {hyperlink} from '../../present/terminal-links.js';
import {truncateToWidth} from '../../present/text-width.js';
import type {Theme} from '../../present/theme.js';
import type {DetailLine} from './detail-lines.js';

export type ArticleDetailProps = {
	lines: readonly DetailLine[];
	scroll: number;
	/** Rows for the text; one more row below holds the scroll position. */
	rows: number;
	width: number;
	position: {index: number; total: number};
	theme: Theme;
	/** Draw links as OSC 8 hyperlinks (src/present/terminal-links.ts says when). */
	hyperlinks?: boolean;
};

/** `lines 1–20 of 80 (25%)`, or `all 12 lines` when the article fits. */
export function scrollIndicator(scroll: number, rows: number, total: number): string {
	if (total <= rows) return `all ${total} lines`;
	const last = Math.min(total, scroll + rows);
	return `lines ${scroll + 1}–${last} of ${total} (${Math.round((last / total) * 100)}%)`;
}

/** One line, styled; its link part (labels are ASCII, so `from` counts columns) made clickable. */
function drawLine(line: DetailLine, width: number, theme: Theme, hyperlinks: boolean): string {
	// Empty texts would collapse to no height in Ink, hence ' ' for blank lines.
	if (line.text === '') return ' ';
	const style = theme[line.style];
	const text = truncateToWidth(line.text, width);
	if (!hyperlinks || line.link === undefined || text.length <= line.link.from) return style(text);
	const {url, from} = line.link;
	return `${from > 0 ? style(text.slice(0, from)) : ''}${hyperlink(url, style(text.slice(from)))}`;
}

export function ArticleDetail({lines, scroll, rows, width, position, theme, hyperlinks = false}: ArticleDetailProps) {
	// The reducer stops scrolling at the end; after a resize the old offset may be past it.
	const top = Math.max(0, Math.min(scroll, lines.length - rows));
	const indicator = `${scrollIndicator(top, rows, lines.length)} · article ${position.index + 1} of ${position.total}`;
	return (
		<Box flexDirection="column">
			<Box flexDirection="column" height={rows}>
				{lines.slice(top, top + rows).map((line, offset) => (
					<Text key={top + offset} wrap="truncate-end">
						{drawLine(line, width, theme, hyperlinks)}
					</Text>
				))}
			</Box>
			<Box height={1} justifyContent="flex-end">
				<Text wrap="truncate-end">{theme.scrollIndicator(truncateToWidth(indicator, width))}</Text>
			</Box>
		</Box>
	);
}
