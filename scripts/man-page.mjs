// Writes flashnews.1, the manual page, from the command table (src/cli/args/man-page.ts): the
// module is bundled in memory and imported from a data: URL, so the build needs no TypeScript
// loader.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';

export async function writeManPage({root, outfile}) {
	const result = await build({
		absWorkingDir: root,
		entryPoints: ['src/cli/args/man-page.ts'],
		bundle: true,
		platform: 'node',
		format: 'esm',
		write: false,
		logLevel: 'warning',
	});
	const code = result.outputFiles[0].text;
	const {manPage} = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
	const {version, description} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	writeFileSync(outfile, manPage({version, description}));
}
