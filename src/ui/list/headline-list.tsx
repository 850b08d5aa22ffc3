import {Box, Text} from 'ink';
import type {Article} from '../../core/articles/article.js';
import type {ReaderStore} from '../../store/types.js';
import type {Theme} from '../../present/theme.js';
import {HeadlineRow} from './headline-row.js';

/**
 * Which rows are on screen. Page windows, as in mutt: `top = floor(cursor / rows) * rows`. The
 * window is a pure function of cursor and height, so a resize, a new filter or newly loaded feeds
 * can never leave a stale scroll offset behind, and nothing needs clamping in the reducer; the
 * price is that the view turns a whole page when the cursor crosses its edge.
 */
export function visibleWindow(cursor: number, rows: number, total: number): {start: number; end: number} {
	const height = Math.max(1, rows);
	const start = Math.floor(Math.max(0, cursor) / height) * height;
	return {start, end: Math.min(total, start + height)};
}

export type HeadlineListProps = {
	articles: readonly Article[];
	cursor: number;
	rows: number;
	width: number;
	now: number;
	store: ReaderStore;
	theme: Theme;
	emptyText: string;
};

export function HeadlineList(props: HeadlineListProps) {
	const {articles, cursor, rows, width, now, store, theme} = props;
	if (articles.length === 0) {
		return (
			<Box height={rows}>
				<Text>{theme.hint(props.emptyText)}</Text>
			</Box>
		);
	}
	const {start, end} = visibleWindow(cursor, rows, articles.length);
	return (
		<Box flexDirection="column" height={rows}>
			{articles.slice(start, end).map((article, offset) => (
				<HeadlineRow
					key={article.id}
					article={article}
					selected={start + offset === cursor}
					read={store.isRead(article.id)}
					bookmarked={store.isBookmarked(article.id)}
					width={width}
					now={now}
					theme={theme}
				/>
			))}
		</Box>
	);
}
