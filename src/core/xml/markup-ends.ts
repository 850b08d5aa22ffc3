// Where a piece of markup ends, found by jumping from one significant character to the next.
// The loops look alike but stop on different characters: a tag ends at `>` outside quotes, a
// DOCTYPE also steps over its internal subset, and the subset over quotes and comments.

const TAG_STOP = /[>"']/g;
const DOCTYPE_STOP = /[[>"']/g;
const SUBSET_STOP = /[\]"']|<!--/g;
const NAME = /[^\s/>"'=]+/y;

/** Index of the `>` ending the tag whose inside starts at `from`, skipping quoted values; -1 if none. */
export function tagEnd(text: string, from: number): number {
	let index = from;
	for (;;) {
		TAG_STOP.lastIndex = index;
		const stop = TAG_STOP.exec(text);
		if (!stop) return -1;
		if (stop[0] === '>') return stop.index;
		const close = text.indexOf(stop[0], stop.index + 1);
		if (close < 0) return -1;
		index = close + 1;
	}
}

/** Index just past the `>` ending a DOCTYPE whose body starts at `from` (text length if none). */
export function doctypeEnd(text: string, from: number): number {
	let index = from;
	for (;;) {
		DOCTYPE_STOP.lastIndex = index;
		const stop = DOCTYPE_STOP.exec(text);
		if (!stop) return text.length;
		const character = stop[0];
		if (character === '>') return stop.index + 1;
		if (character === '[') {
			index = internalSubsetEnd(text, stop.index + 1);
			continue;
		}
		const close = text.indexOf(character, stop.index + 1);
		if (close < 0) return text.length;
		index = close + 1;
	}
}

/** Index just past the `]` ending an internal subset starting at `from` (text length if none). */
function internalSubsetEnd(text: string, from: number): number {
	let index = from;
	for (;;) {
		SUBSET_STOP.lastIndex = index;
		const stop = SUBSET_STOP.exec(text);
		if (!stop) return text.length;
		if (stop[0] === ']') return stop.index + 1;
		const terminator = stop[0] === '<!--' ? '-->' : stop[0];
		const close = text.indexOf(terminator, stop.index + stop[0].length);
		if (close < 0) return text.length;
		index = close + terminator.length;
	}
}

/** The element name starting at `index` (empty when none). */
export function nameAt(text: string, index: number): string {
	NAME.lastIndex = index;
	return NAME.exec(text)?.[0] ?? '';
}

/** The line breaks in `text`, so that markup removed in its place keeps later line numbers right. */
export function newlinesIn(text: string): string {
	let newlines = '';
	for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) newlines += '\n';
	return newlines;
}
