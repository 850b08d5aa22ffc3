// Bundles the CLI into dist/: a small launcher (cli.js), the reader in one file (app.cjs) and the
// parse worker. Code that only some runs need is loaded on first use from node_modules (see
// scripts/cli-build-options.mjs).
import {chmodSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {cliBuilds} from './cli-build-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
await Promise.all(cliBuilds({outdir: 'dist'}).map(options => build({...options, absWorkingDir: root})));
// The package is ESM, the bundle CommonJS (see cli-build-options.mjs): dist/ says so for its .js files.
// The binary keeps the name dist/cli.js, so links to it from earlier installs stay valid.
writeFileSync(new URL('../dist/package.json', import.meta.url), '{"type": "commonjs"}\n');
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
