import {stripVTControlCharacters} from 'node:util';
import stringWidth from 'string-width';
import {stringWidthOf} from '../present/text-clusters.js';

type Options = {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean};

// Node's stripVTControlCharacters leaves part of an OSC 8 link behind when its URL has characters
// such as `(`, `+` or `,`; the reader's own hyperlinks (src/present/terminal-links.ts) are taken
// out whole first.
const OSC_STRING = /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

function withoutControls(text: string): string {
	const visible = text.includes('\u001B]') ? text.replace(OSC_STRING, '') : text;
	return stripVTControlCharacters(visible);
}

/**
 * Stands in for string-width inside Ink's bundled dependencies (scripts/cli-build-options.mjs).
 * Ink measures every line of every frame; string-width 8 runs Intl.Segmenter and several Unicode
 * regexes on any non-ASCII line, which cost about 2 ms a row on the first frames. stringWidthOf
 * (src/present/text-clusters.ts) gives the same answers (tested against string-width) with a fast
 * path for common characters. The reader cuts its rows by the wider terminal count (displayWidth),
 * so Ink never finds a row too wide.
 */
export default function inkStringWidth(text: string, options?: Options): number {
	if (options?.countAnsiEscapeCodes || options?.ambiguousIsNarrow === false) return stringWidth(text, options);
	if (typeof text !== 'string' || text.length === 0) return 0;
	return stringWidthOf(text.includes('\u001B') || text.includes('\u009B') ? withoutControls(text) : text);
}
