/** Rows and columns the reader's parts get in a terminal of a given size. */
export type ReaderLayout = {
	columns: number;
	/** Everything the app draws. */
	rows: number;
	/** Between the header and the status line: the list, the article, or an overlay. */
	bodyRows: number;
	/** The article's text; the row below it holds the scroll position. */
	detailRows: number;
};

/** Header, status line and hint bar take one row each. */
const CHROME_ROWS = 3;
/**
 * The app stays one row short of the terminal. When its output is as tall as the terminal, Ink
 * redraws every frame with a full clear that also wipes the scrollback (ESC[2J ESC[3J); one row
 * shorter, it rewrites its lines in place.
 */
const SPARE_ROWS = 1;

export function readerLayout(columns: number, terminalRows: number): ReaderLayout {
	const rows = Math.max(CHROME_ROWS + 1, terminalRows - SPARE_ROWS);
	const bodyRows = rows - CHROME_ROWS;
	return {columns, rows, bodyRows, detailRows: Math.max(1, bodyRows - 1)};
}
