// The dependencies only some runs need, bundled each into a CommonJS file of its own under
// dist/lazy/ so that start-up does not pay for them: src/shims/lazy-require.ts loads one on first
// use, by its path next to the bundle (the build defines LAZY_CHUNKS_DEFINE for that). Run from the
// sources (the tests), lazyRequire loads the package from node_modules instead.

/**
 * Loaded with lazyRequire only when a run needs them: article bodies, legacy charsets, web pages,
 * and HTML's named character references (in titles only when one is there).
 */
export const lazyDependencies = ['html-to-text', 'iconv-lite', 'htmlparser2', 'entities'];

/**
 * Kept out of the bundles, so that nothing bundles them by mistake; not entities, which rss-parser
 * also imports (a version of its own, bundled, and never loaded: scripts/patches/rss-parser.mjs).
 */
export const lazyExternals = lazyDependencies.filter(name => name !== 'entities');

/** The folder of the chunks, relative to the bundle's files (all at the top of dist/). */
const chunkFolder = './lazy';

/** What the bundles' `define` needs so that lazyRequire takes the chunk files. */
export const LAZY_CHUNKS_DEFINE = {FLASHNEWS_LAZY_CHUNKS: JSON.stringify(chunkFolder)};

const lazyName = new RegExp(`^(${lazyDependencies.map(name => name.replace(/[.*+?^${}()|[\]\\-]/g, String.raw`\$&`)).join('|')})$`);
const skipSelf = Symbol('lazy-chunk-resolve');

/**
 * Inside one chunk, another lazy dependency is a require of its chunk rather than a second copy
 * (html-to-text parses with htmlparser2), when both resolve to the same installed package.
 */
function siblingChunksPlugin(own, root) {
	return {
		name: 'flashnews-lazy-siblings',
		setup(build) {
			build.onResolve({filter: lazyName}, async args => {
				if (args.path === own || args.pluginData === skipSelf) return undefined;
				const [here, top] = await Promise.all([
					build.resolve(args.path, {resolveDir: args.resolveDir, kind: args.kind, pluginData: skipSelf}),
					build.resolve(args.path, {resolveDir: root, kind: 'require-call', pluginData: skipSelf}),
				]);
				if (here.errors.length > 0 || here.path !== top.path) return undefined;
				return {path: `./${args.path}.cjs`, external: true};
			});
		},
	};
}

/** esbuild option sets, one per lazy dependency: `<outdir>/lazy/<name>.cjs`. */
export function lazyChunkBuilds({shared, outdir, root}) {
	return lazyDependencies.map(name => ({
		...shared,
		stdin: {contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, sourcefile: `lazy-${name}.cjs`, loader: 'js'},
		outfile: `${outdir}/${chunkFolder.slice(2)}/${name}.cjs`,
		format: 'cjs',
		plugins: [siblingChunksPlugin(name, root)],
	}));
}
