import {Box, Text} from 'ink';
import type {Article} from '../../core/articles/article.js';
import type {Theme} from '../../present/theme.js';
import type {ReaderStore} from '../../store/types.js';
import {visibleWindow} from '../layout/page-window.js';
import {HeadlineRow} from './headline-row.js';

export type HeadlineListProps = {
	articles: readonly Article[];
	cursor: number;
	rows: number;
	width: number;
	now: number;
	store: ReaderStore;
	theme: Theme;
	emptyText: string;
	/** Folded search terms to mark in each row. */
	terms: readonly string[];
};

export function HeadlineList(props: HeadlineListProps) {
	const {articles, cursor, rows, width, now, store, theme, terms} = props;
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
					terms={terms}
				/>
			))}
		</Box>
	);
}
