#!/usr/bin/env node
// The `flashnews` binary. It compiles the reader's bundle (dist/app.cjs, built from src/cli.tsx)
// with a V8 code cache, which saves about a quarter of the start-up on later launches, then hands
// over to runCli. Only node builtins and src/cli/code-cache.ts are loaded here.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';
import {codeCacheDir, codeCacheFile, readCodeCache, writeCodeCache} from './cli/code-cache.js';
import type {LaunchHooks} from './cli.js';

type App = {runCli(argv: string[], hooks: LaunchHooks): void};

const appPath = fileURLToPath(new URL('./app.cjs', import.meta.url));

function loadApp(): {app: App; saveCache(): void} {
	const source = readFileSync(appPath);
	const cacheFile = codeCacheFile(codeCacheDir(), source);
	const cachedData = readCodeCache(cacheFile);
	// The same wrapper Node gives a CommonJS module, on the first line so line numbers still match.
	const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`;
	const script = new vm.Script(wrapped, {filename: appPath, cachedData});
	const module = {exports: {}};
	script.runInThisContext()(module.exports, createRequire(appPath), module, appPath, path.dirname(appPath));
	return {
		app: module.exports as App,
		saveCache() {
			if (cachedData === undefined || script.cachedDataRejected) writeCodeCache(cacheFile, script.createCachedData());
		},
	};
}

let loaded: ReturnType<typeof loadApp>;
try {
	loaded = loadApp();
} catch (error) {
	process.stderr.write(
		`flashnews: cannot load ${appPath}: ${error instanceof Error ? error.message : String(error)} (reinstall flashnews)\n`,
	);
	process.exit(1);
}
// Saved when the reader closes: by then the code of a whole session is compiled, and nobody is
// waiting on the 10–20 ms it takes.
loaded.app.runCli(process.argv.slice(2), {onReaderClosed: loaded.saveCache});
