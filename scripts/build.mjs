// Bundles the CLI into dist/ so start-up loads a few files instead of hundreds of ESM modules.
// Code the first frame does not need is behind dynamic import() and lands in separate chunks.
import {build} from 'esbuild';
import {chmodSync, rmSync} from 'node:fs';

rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});

await build({
	entryPoints: {cli: 'src/cli.tsx', 'parse-worker': 'src/core/parse-worker.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
	sourcemap: false,
	legalComments: 'none',
	// Some CommonJS dependencies call require(); give the ESM bundle one.
	banner: {js: "import {createRequire as __flashnewsRequire} from 'node:module';const require=__flashnewsRequire(import.meta.url);"},
	// Ink optionally imports react-devtools-core only when DEV=true.
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
});
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
