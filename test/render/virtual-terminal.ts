// A terminal emulator (@xterm/headless) that plays the bytes an app writes, and reads back the
// screen cell by cell: the text and each cell's colours and attributes.
import xterm from '@xterm/headless';

const {Terminal} = xterm;
type XtermTerminal = InstanceType<typeof Terminal>;
type Cell = NonNullable<ReturnType<NonNullable<ReturnType<XtermTerminal['buffer']['active']['getLine']>>['getCell']>>;

export type VirtualTerminal = {
	readonly columns: number;
	readonly rows: number;
	write(data: string): void;
	/** Resolves once every byte written so far has been played. */
	settled(): Promise<void>;
	resize(columns: number, rows: number): void;
	/** One string per row: its text, then the style of each run of cells that is not plain. */
	screen(): string[];
	/**
	 * Each time an erase to the end of the line came while the cursor waited to wrap after the last
	 * column: xterm, unlike this emulator and tmux, erases that column's character then.
	 */
	readonly pendingWrapErases: string[];
	dispose(): void;
};

/**
 * The OSC 8 link of each cell. @xterm/headless keeps it where its public API does not reach: the
 * cell's `extended.urlId` and the terminal's link service. Checked when a terminal is made, so a
 * version that moves them fails the tests instead of hiding every link.
 */
type LinkInternals = {_core: {_oscLinkService: {getLinkData(id: number): {uri: string; id?: string} | undefined}}};
type CellInternals = {extended?: {urlId: number}};

function linkOf(terminal: XtermTerminal, cell: Cell): string {
	const id = (cell as unknown as CellInternals).extended?.urlId ?? 0;
	if (id === 0) return '';
	const data = (terminal as unknown as LinkInternals)._core._oscLinkService.getLinkData(id);
	return data ? `link(${data.id ?? ''};${data.uri})` : '';
}

/** A cell's style, as far as it shows: on a blank, the foreground colour, weight and italics do not. */
function style(terminal: XtermTerminal, cell: Cell): string {
	const parts: string[] = [];
	const link = linkOf(terminal, cell);
	if (link !== '') parts.push(link);
	const blank = (cell.getChars() || ' ') === ' ';
	if (!blank && !cell.isFgDefault()) parts.push(`fg${cell.isFgRGB() ? '#' : ''}${cell.getFgColor()}`);
	if (!cell.isBgDefault()) parts.push(`bg${cell.isBgRGB() ? '#' : ''}${cell.getBgColor()}`);
	if (!blank && cell.isBold()) parts.push('bold');
	if (!blank && cell.isDim()) parts.push('dim');
	if (!blank && cell.isItalic()) parts.push('italic');
	if (cell.isUnderline()) parts.push('underline');
	if (cell.isInverse()) parts.push('inverse');
	if (cell.isStrikethrough()) parts.push('strike');
	if (cell.isOverline()) parts.push('overline');
	return parts.join('+');
}

function describeRow(terminal: XtermTerminal, y: number): string {
	const line = terminal.buffer.active.getLine(terminal.buffer.active.viewportY + y);
	if (!line) return '';
	let text = '';
	const runs: string[] = [];
	let run = {style: '', from: 0};
	const endRun = (to: number) => {
		if (run.style !== '') runs.push(`${run.from}-${to}:${run.style}`);
	};
	for (let x = 0; x < terminal.cols; x++) {
		const cell = line.getCell(x);
		if (!cell || cell.getWidth() === 0) continue;
		text += cell.getChars() || ' ';
		const cellStyle = style(terminal, cell);
		if (cellStyle !== run.style) {
			endRun(x - 1);
			run = {style: cellStyle, from: x};
		}
	}
	endRun(terminal.cols - 1);
	const trimmed = text.trimEnd();
	return runs.length === 0 ? trimmed : `${trimmed}  [${runs.join(' ')}]`;
}

/**
 * A terminal of `columns` x `rows`. Line feeds also return the cursor to the first column, as a
 * pseudo-terminal's output processing (onlcr) makes them do.
 */
export function createVirtualTerminal(columns: number, rows: number): VirtualTerminal {
	const terminal = new Terminal({cols: columns, rows, allowProposedApi: true, convertEol: true, scrollback: 0});
	if (typeof (terminal as unknown as LinkInternals)._core?._oscLinkService?.getLinkData !== 'function') {
		throw new Error("@xterm/headless no longer has the link service these tests read each cell's link from");
	}
	const pendingWrapErases: string[] = [];
	terminal.parser.registerCsiHandler({final: 'K'}, params => {
		const buffer = terminal.buffer.active;
		if ((params[0] ?? 0) === 0 && buffer.cursorX >= terminal.cols) {
			pendingWrapErases.push(`row ${buffer.cursorY}: ${describeRow(terminal, buffer.cursorY)}`);
		}
		return false;
	});
	let pending = Promise.resolve();
	return {
		get columns() {
			return terminal.cols;
		},
		get rows() {
			return terminal.rows;
		},
		write(data) {
			pending = new Promise(resolve => terminal.write(data, resolve));
		},
		settled() {
			const last = pending;
			return new Promise(resolve => terminal.write('', () => void last.then(resolve)));
		},
		resize(newColumns, newRows) {
			terminal.resize(newColumns, newRows);
		},
		screen() {
			return Array.from({length: terminal.rows}, (_, y) => describeRow(terminal, y));
		},
		pendingWrapErases,
		dispose() {
			terminal.dispose();
		},
	};
}

/** The screen a fresh terminal shows after a full redraw of `frame` from its top-left corner. */
export async function fullRedraw(frame: string, columns: number, rows: number): Promise<string[]> {
	const reference = createVirtualTerminal(columns, rows);
	reference.write(frame);
	await reference.settled();
	const screen = reference.screen();
	reference.dispose();
	return screen;
}
