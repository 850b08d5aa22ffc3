import {Text} from 'ink';
import type {Theme} from '../../present/theme.js';
import {spreadSegments} from './segments.js';

export type ArticleCounts = {total: number; unread: number; bookmarked: number};

export function Header(props: {label: string; counts: ArticleCounts; width: number; theme: Theme}) {
	const {label, counts, width, theme} = props;
	const countText = `${counts.total} ${counts.total === 1 ? 'article' : 'articles'} · ${counts.unread} unread · ${counts.bookmarked} ★`;
	return (
		<Text wrap="truncate-end">
			{spreadSegments([{text: label, style: 'header'}], [{text: countText, style: 'headerCounts'}], width, theme)}
		</Text>
	);
}
