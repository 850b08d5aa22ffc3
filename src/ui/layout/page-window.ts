/**
 * Which rows of a long list are on screen. Page windows, as in mutt: `top = floor(cursor / rows) * rows`.
 * The window is a pure function of cursor and height, so a resize, a new filter or newly loaded
 * feeds can never leave a stale scroll offset behind, and nothing needs clamping in a reducer; the
 * price is that the view turns a whole page when the cursor crosses its edge.
 */
export function visibleWindow(cursor: number, rows: number, total: number): {start: number; end: number} {
	const height = Math.max(1, rows);
	const start = Math.floor(Math.max(0, cursor) / height) * height;
	return {start, end: Math.min(total, start + height)};
}
