import {stripVTControlCharacters} from 'node:util';
import stringWidth from 'string-width';
import {stringWidthOf} from '../present/text-clusters.js';

type Options = {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean};

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
	return stringWidthOf(text.includes('\u001B') || text.includes('\u009B') ? stripVTControlCharacters(text) : text);
}
