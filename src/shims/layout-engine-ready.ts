// Ink lays out with yoga, whose wasm loads asynchronously. In the CommonJS bundle yoga cannot hold
// Ink's imports back with top-level await, so the build leaves its loading promise here (see
// scripts/cli-build-options.mjs). Run from ESM sources, top-level await already waited: no promise.
const READY = Symbol.for('flashnews.layout-engine-ready');

export function layoutEngineReady(): Promise<unknown> {
	return ((globalThis as Record<symbol, unknown>)[READY] as Promise<unknown> | undefined) ?? Promise.resolve();
}
