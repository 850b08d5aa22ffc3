import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads a dependency the first time it is needed, synchronously. The CLI bundle leaves these
 * packages out (scripts/build.mjs marks them external) so start-up does not pay for code that only
 * some runs use: html-to-text for article bodies, iconv-lite for legacy charsets.
 */
export function lazyRequire<T>(name: string): () => T {
	let loaded: T | undefined;
	return () => (loaded ??= require(name) as T);
}
