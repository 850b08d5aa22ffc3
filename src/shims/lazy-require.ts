import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

// Defined by the CLI build (scripts/lazy-chunks.mjs): the folder next to the bundle that holds one
// CommonJS file per lazily loaded dependency. Undefined when run from the sources.
declare const FLASHNEWS_LAZY_CHUNKS: string | undefined;

/**
 * Loads a dependency the first time it is needed, synchronously, so start-up does not pay for code
 * that only some runs use: html-to-text for article bodies, iconv-lite for legacy charsets,
 * htmlparser2 for web pages. The installed package needs no node_modules: the build bundles each
 * into a file of its own beside the bundle.
 */
export function lazyRequire<T>(name: string): () => T {
	const specifier = typeof FLASHNEWS_LAZY_CHUNKS === 'string' ? `${FLASHNEWS_LAZY_CHUNKS}/${name}.cjs` : name;
	let loaded: T | undefined;
	return () => (loaded ??= require(specifier) as T);
}

/**
 * A Node builtin loaded on first use. Some take milliseconds to load (child_process, http,
 * worker_threads), which start-up would pay on every run that never needs them.
 */
export function lazyBuiltin<T>(name: `node:${string}`): () => T {
	let loaded: T | undefined;
	return () => (loaded ??= require(name) as T);
}
