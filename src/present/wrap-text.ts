import {type Cluster, clusters, terminalWidth} from './text-clusters.js';

// Word wrapping in one pass over the text: each word is measured once, a word longer than a line
// is broken while its clusters are read, and nothing after the last line asked for is looked at.

const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

// A line that starts a list item keeps its continuation lines under the item text.
const LEADING_PREFIX = /^( *)((?:[\u2022*-]|\d{1,4}[.)]) )?/;

// Stops the wrapping of a text once as many lines as were asked for are made.
class Enough extends Error {}

type Output = {lines: string[]; maxLines: number};

function push(out: Output, line: string): void {
	out.lines.push(line);
	if (out.lines.length >= out.maxLines) throw new Enough();
}

function wordWidth(word: string): number {
	return PRINTABLE_ASCII.test(word) ? word.length : terminalWidth(word);
}

/** Whether `line` fits in `width` columns, looking at no more of it than that takes. */
function fits(line: string, width: number): boolean {
	if (line.length <= width && PRINTABLE_ASCII.test(line)) return true;
	let used = 0;
	for (const cluster of clusters(line)) {
		used += cluster.width;
		if (used > width) return false;
	}
	return true;
}

/** The words of a line (runs without spaces), lazily. */
function* words(line: string, from: number): Generator<string> {
	let start = from;
	while (start < line.length) {
		const space = line.indexOf(' ', start);
		const end = space === -1 ? line.length : space;
		if (end > start) yield line.slice(start, end);
		start = end + 1;
	}
}

function wrapLine(line: string, width: number, out: Output): void {
	if (fits(line, width)) {
		push(out, line);
		return;
	}
	const [matched = '', indent = ''] = LEADING_PREFIX.exec(line) ?? [];
	// Indentation that would leave less than half the width for text is not kept.
	const prefix = matched.length <= width / 2 ? matched : '';
	const hang = prefix ? ' '.repeat(prefix.length) : indent.length <= width / 2 ? indent : '';
	let current = prefix;
	let currentWidth = prefix.length;
	let hasWords = false;
	const linesBefore = out.lines.length;
	const startLine = (): void => {
		current = hang;
		currentWidth = hang.length;
		hasWords = false;
	};

	for (const word of words(line, prefix.length)) {
		const columns = wordWidth(word);
		if (currentWidth + (hasWords ? 1 : 0) + columns <= width) {
			current += hasWords ? ` ${word}` : word;
			currentWidth += (hasWords ? 1 : 0) + columns;
			hasWords = true;
			continue;
		}
		if (hasWords) {
			push(out, current);
			startLine();
			if (currentWidth + columns <= width) {
				current += word;
				currentWidth += columns;
				hasWords = true;
				continue;
			}
		}
		// Longer than a whole line (URLs, CJK without spaces): break it where the line runs out.
		// Text in ASCII is one column a character and is cut in slices.
		const wordClusters = PRINTABLE_ASCII.test(word) ? undefined : clusters(word);
		for (let index = 0; index < word.length; ) {
			const cluster: Cluster | undefined = wordClusters?.next().value;
			const columns = cluster?.width ?? 1;
			if (currentWidth + columns > width) {
				if (hasWords) {
					push(out, current);
					startLine();
				}
				// Not even one wide character fits after the indentation: use the bare line. A
				// cluster wider than the whole line then stands alone (the view cuts it).
				if (currentWidth + columns > width) {
					current = '';
					currentWidth = 0;
				}
			}
			const text = cluster?.text ?? word.slice(index, index + width - currentWidth);
			current += text;
			currentWidth += cluster?.width ?? text.length;
			hasWords = true;
			index += text.length;
		}
	}
	if (hasWords) push(out, current);
	else if (out.lines.length === linesBefore) push(out, '');
}

/**
 * Word-wraps plain text to lines of at most `width` columns, and at most `maxLines` of them (`cut`
 * says whether text was left over). Existing newlines and blank lines are kept, runs of spaces
 * inside a wrapped line become one, words longer than a line are broken, and list items and
 * indented lines wrap under their own text.
 */
export function wrapLines(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): {lines: string[]; cut: boolean} {
	const columns = Math.max(1, Math.floor(width) || 1);
	const limit = Math.max(1, Math.floor(maxLines));
	// One line more than asked for tells whether anything was left over.
	const out: Output = {lines: [], maxLines: limit + 1};
	try {
		let start = 0;
		for (;;) {
			const newline = text.indexOf('\n', start);
			wrapLine(newline === -1 ? text.slice(start) : text.slice(start, newline), columns, out);
			if (newline === -1) return {lines: out.lines, cut: false};
			start = newline + 1;
		}
	} catch (error) {
		if (!(error instanceof Enough)) throw error;
		return {lines: out.lines.slice(0, limit), cut: true};
	}
}

/** All of `text` word-wrapped to `width` columns (see wrapLines). */
export function wrapText(text: string, width: number): string[] {
	return wrapLines(text, width).lines;
}
