import {displayWidth, truncateToWidth} from '../../present/text-width.js';
import type {StyleName, Theme} from '../../present/theme.js';

export type Segment = {text: string; style: StyleName};

function fitWithin(segments: readonly Segment[], width: number, theme: Theme): {line: string; used: number} {
	let used = 0;
	let line = '';
	for (const segment of segments) {
		if (used >= width) break;
		const text = truncateToWidth(segment.text, width - used);
		line += theme[segment.style](text);
		used += displayWidth(text);
	}
	return {line, used};
}

/**
 * Styles and joins segments into one line of at most `width` columns. Text is measured and cut
 * before styling, so escape codes never count toward (or get cut by) the width.
 */
export function fitSegments(segments: readonly Segment[], width: number, theme: Theme): string {
	return fitWithin(segments, width, theme).line;
}

/** `left` and `right` on one line of `width` columns, `right` flush right; `left` gives way first. */
export function spreadSegments(left: readonly Segment[], right: readonly Segment[], width: number, theme: Theme): string {
	const rightWanted = right.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
	const rightFitted = fitWithin(right, Math.min(width, rightWanted), theme);
	const leftFitted = fitWithin(left, Math.max(0, width - rightFitted.used - 1), theme);
	const gap = Math.max(0, width - leftFitted.used - rightFitted.used);
	return leftFitted.line + ' '.repeat(gap) + rightFitted.line;
}
