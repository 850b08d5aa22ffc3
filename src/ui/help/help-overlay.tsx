import {Box, Text} from 'ink';
import {displayWidth, padToWidth, truncateToWidth} from '../../present/text-width.js';
import type {Theme} from '../../present/theme.js';
import type {HelpSection} from '../keys/keymap.js';

type HelpLine = {text: string; kind: 'title' | 'row' | 'blank'; keys?: string};

const INDENT = ' ';
const COLUMN_GAP = 2;

function sectionLines(section: HelpSection): HelpLine[] {
	return [
		{text: section.title, kind: 'title'},
		...section.rows.map(row => ({text: row.description, keys: row.keys, kind: 'row' as const})),
	];
}

/**
 * Sections flow into side-by-side columns of at most `rows` lines, so the whole table fits an
 * 80x24 terminal. Whatever does not fit is cut; it is a help screen, not a document.
 */
export function layoutHelp(sections: readonly HelpSection[], rows: number): HelpLine[][] {
	const columns: HelpLine[][] = [[]];
	for (const section of sections) {
		const lines = sectionLines(section);
		let column = columns[columns.length - 1] ?? [];
		const needed = lines.length + (column.length > 0 ? 1 : 0);
		if (column.length > 0 && column.length + needed > rows) {
			column = [];
			columns.push(column);
		}
		if (column.length > 0) column.push({text: '', kind: 'blank'});
		column.push(...lines);
	}
	return columns;
}

function lineWidth(line: HelpLine, keysWidth: number): number {
	return line.kind === 'row' ? INDENT.length + keysWidth + displayWidth(line.text) : displayWidth(line.text);
}

function renderLine(line: HelpLine, width: number, keysWidth: number, theme: Theme): string {
	if (line.kind === 'blank') return ' ';
	if (line.kind === 'title') return theme.overlayTitle(truncateToWidth(line.text, width));
	const keys = padToWidth(line.keys ?? '', Math.min(keysWidth, Math.max(0, width - INDENT.length)));
	const description = truncateToWidth(line.text, width - INDENT.length - displayWidth(keys));
	return `${INDENT}${theme.overlayKey(keys)}${description}`;
}

type ShownColumn = {lines: HelpLine[]; width: number; keysWidth: number};

/** Columns side by side as far as the width allows; the rest start the next page. */
export function pageColumns(columns: readonly HelpLine[][], width: number): ShownColumn[][] {
	const pages: ShownColumn[][] = [];
	let page: ShownColumn[] = [];
	let used = 0;
	for (const lines of columns) {
		// Keys line up within a column, in a column wide enough for its longest key list, plus a space.
		const keysWidth = 1 + Math.max(0, ...lines.map(line => (line.kind === 'row' ? displayWidth(line.keys ?? '') : 0)));
		const wanted = Math.max(0, ...lines.map(line => lineWidth(line, keysWidth)));
		const gap = page.length === 0 ? 0 : COLUMN_GAP;
		if (page.length > 0 && used + gap + wanted > width) {
			pages.push(page);
			page = [];
			used = 0;
		}
		const columnWidth = Math.min(wanted, width - used - (page.length === 0 ? 0 : COLUMN_GAP));
		used += (page.length === 0 ? 0 : COLUMN_GAP) + columnWidth;
		page.push({lines, width: columnWidth, keysWidth});
	}
	if (page.length > 0) pages.push(page);
	return pages;
}

/**
 * The keys of every screen, from the keymap's help sections, in pages when they do not fit:
 * `page` counts Space presses since the help opened, and wraps around.
 */
export function HelpOverlay(props: {sections: readonly HelpSection[]; rows: number; width: number; theme: Theme; page: number}) {
	const {sections, rows, width, theme} = props;
	const heading = 'Keys (any key closes this help)';
	const pages = pageColumns(layoutHelp(sections, Math.max(1, rows - 2)), width);
	const pageIndex = props.page % Math.max(1, pages.length);
	const shown = pages[pageIndex] ?? [];
	const title = truncateToWidth(heading, width);
	const noteRoom = width - displayWidth(title) - 2;
	const pageNote =
		pages.length > 1 && noteRoom > 0 ? truncateToWidth(`page ${pageIndex + 1} of ${pages.length} · Space: next page`, noteRoom) : '';
	return (
		<Box flexDirection="column" height={rows}>
			<Text wrap="truncate-end">
				{theme.header(title)}
				{pageNote === '' ? '' : `  ${theme.hint(pageNote)}`}
			</Text>
			<Text> </Text>
			<Box flexDirection="row" gap={COLUMN_GAP}>
				{shown.map((column, index) => (
					<Box key={index} flexDirection="column" width={column.width}>
						{column.lines.slice(0, Math.max(0, rows - 2)).map((line, row) => (
							<Text key={row} wrap="truncate-end">
								{renderLine(line, column.width, column.keysWidth, theme)}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
