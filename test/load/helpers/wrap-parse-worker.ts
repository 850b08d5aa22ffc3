import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

/**
 * A worker module at `dir/name` that runs `prelude` (an ES module body, with `fs`, `parentPort`
 * and `request` in scope: the first request) and then hands that request to the real parse
 * worker at `workerUrl`. The prelude may patch fs or parentPort.postMessage to watch or meddle.
 */
export function wrapParseWorker(dir: string, name: string, workerUrl: URL, prelude: string): URL {
	const path = join(dir, name);
	writeFileSync(
		path,
		`import fs from 'node:fs';
		import {parentPort} from 'node:worker_threads';
		parentPort.once('message', async request => {
			${prelude}
			await import(${JSON.stringify(workerUrl.href)});
			parentPort.emit('message', request);
		});`,
	);
	return pathToFileURL(path);
}
