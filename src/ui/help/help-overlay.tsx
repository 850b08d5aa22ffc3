import {Box, Text} from 'ink';
import {displayWidth, padToWidth, truncateToWidth} from '../../present/text-width.js';
import type {HelpSection} from '../keys/keymap.js';
import type {Theme} from '../../present/theme.js';

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

/** The keys of every screen, from the keymap's help sections. */
export function HelpOverlay(props: {sections: readonly HelpSection[]; rows: number; width: number; theme: Theme}) {
	const {sections, rows, width, theme} = props;
	const heading = 'Keys (any key closes this help)';
	// Keys line up in one column wide enough for the longest key list, plus a space.
	const keysWidth = 1 + Math.max(0, ...sections.flatMap(section => section.rows.map(row => displayWidth(row.keys))));
	const columns = layoutHelp(sections, Math.max(1, rows - 2));
	const columnWidths = columns.map(column => Math.max(0, ...column.map(line => lineWidth(line, keysWidth))));
	let used = 0;
	const shown: Array<{lines: HelpLine[]; width: number}> = [];
	for (const [index, column] of columns.entries()) {
		const gap = index === 0 ? 0 : COLUMN_GAP;
		const room = width - used - gap;
		if (room <= 0) break;
		const columnWidth = Math.min(columnWidths[index] ?? 0, room);
		shown.push({lines: column, width: columnWidth});
		used += gap + columnWidth;
	}
	return (
		<Box flexDirection="column" height={rows}>
			<Text wrap="truncate-end">{theme.header(truncateToWidth(heading, width))}</Text>
			<Text> </Text>
			<Box flexDirection="row" gap={COLUMN_GAP}>
				{shown.map((column, index) => (
					<Box key={index} flexDirection="column" width={column.width}>
						{column.lines.slice(0, Math.max(0, rows - 2)).map((line, row) => (
							<Text key={row} wrap="truncate-end">
								{renderLine(line, column.width, keysWidth, theme)}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
