// Which of the bundle's patches of Ink (scripts/patches/) made it into the build. Run from sources,
// or if the build had to leave a patch out, the reader does without what it gives.

type Marker = {expected?: number; applied?: number | boolean};

function marker(name: string): Marker | undefined {
	return (globalThis as Record<symbol, Marker | undefined>)[Symbol.for(name)];
}

/**
 * Whether Ink may write only the lines that changed: only with every patch, as published it draws
 * them a row too low (scripts/patches/ink-incremental.mjs).
 */
export function incrementalRenderingFixed(): boolean {
	const fixed = marker('flashnews.ink-incremental-rendering-fixed');
	return fixed !== undefined && fixed.applied === fixed.expected;
}

/** Whether Ink's incremental rendering can start from a frame painted before it (scripts/patches/ink-first-paint.mjs). */
export function firstPaintPatched(): boolean {
	return marker('flashnews.ink-first-paint')?.applied === true;
}
