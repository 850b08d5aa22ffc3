// Which feeds are parsed off the main thread, on how many workers, in parts of what size, and the
// heap limits of the workers that parse parts.
import {availableParallelism} from 'node:os';
import type {HeapLimits} from './worker-session.js';

/**
 * Parse workers alive at once, in the whole process: each holds a feed's text and its parse in
 * memory, and more than there are cores would only share them. The rest wait their turn.
 */
export const MAX_PARSE_WORKERS = Math.min(4, Math.max(2, availableParallelism()));

/** Files above this size are parsed in a worker thread so the UI keeps drawing meanwhile. */
export const OFF_THREAD_BYTES = 1024 * 1024;

// Below this, one worker parses the whole feed, a part after another. More would start up and warm
// up their code each, and take the core the interface needs to take in the parts and draw: on two
// cores one worker gets the whole list on screen sooner up to about this size, and its first part
// sooner at any size (measured with `npm run bench`'s load section and files between).
const SPLIT_BYTES = 24 * 1024 * 1024;
const MAX_WORKERS_PER_FEED = 4;

/**
 * About how much of a feed one worker parses at once: the memory a parse takes grows with its
 * size, so a large feed is parsed a part of this size after another, each handed over when done.
 */
export const PART_BYTES = 1024 * 1024;

/**
 * A part worker's old-generation heap limit, per MB of a part, and at least: several times what
 * the parse of a part takes, for the feeds with the most markup per byte (tiny items, XHTML
 * content) as well. With no limit V8 lets a worker's heap grow far past what it holds alive, and
 * two or four such heaps made most of the peak memory of a large load. A worker that reaches the
 * limit all the same has its parts parsed again with none (parse-in-parts.ts).
 */
const HEAP_MB_PER_PART_MB = 32;
const MIN_HEAP_MB = 64;
/** A small young generation: a parse's garbage goes soon instead of piling up between collections. */
const YOUNG_HEAP_MB = 4;

/** The heap limits of a worker that parses parts of `partBytes`. */
export function partHeapLimits(partBytes: number): HeapLimits {
	const old = Math.max(MIN_HEAP_MB, Math.ceil((HEAP_MB_PER_PART_MB * partBytes) / (1024 * 1024)));
	return {maxOldGenerationSizeMb: old, maxYoungGenerationSizeMb: YOUNG_HEAP_MB};
}

/** The workers a feed of `size` bytes is parsed on, when there are slots free for them. */
export function workersFor(size: number): number {
	return size >= SPLIT_BYTES ? Math.min(MAX_WORKERS_PER_FEED, availableParallelism()) : 1;
}
