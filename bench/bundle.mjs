// Bundles one TypeScript module of the app (e.g. the store, parseFeed) into bench/out/ and imports it,
// so the bench measures the same code the app runs without going through the UI.

import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Resolves to the module's exports, or rejects with esbuild's first error as one line. */
export async function importBundled(entry, name) {
	const outfile = fileURLToPath(new URL(`out/bundles/${name}.mjs`, import.meta.url));
	try {
		await build({
			absWorkingDir: root,
			entryPoints: [entry],
			outfile,
			bundle: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			jsx: 'automatic',
			define: {'process.env.NODE_ENV': '"production"'},
			banner: {js: "import {createRequire as __benchRequire} from 'node:module';const require=__benchRequire(import.meta.url);"},
			logLevel: 'silent',
		});
	} catch (error) {
		const first = error.errors?.[0];
		throw new Error(first ? `${first.text}${first.location ? ` (${first.location.file}:${first.location.line})` : ''}` : String(error));
	}
	return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
