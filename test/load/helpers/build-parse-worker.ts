import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';

/** Bundles src/load/parse-worker.ts into `dir` as the build does, and returns its URL. */
export async function buildParseWorker(dir: string): Promise<URL> {
	const outfile = join(dir, 'worker', 'parse-worker.js');
	await build({
		entryPoints: [new URL('../../../src/load/parse-worker.ts', import.meta.url).pathname],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		banner: {js: "import {createRequire as __r} from 'node:module';const require=__r(import.meta.url);"},
		logLevel: 'silent',
	});
	return pathToFileURL(outfile);
}
