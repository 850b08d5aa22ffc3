// Bundles the CLI into dist/ so start-up loads a few files instead of hundreds of ESM modules.
// Code the first frame does not need is behind dynamic import() (separate chunks) or loaded on
// first use from node_modules (see scripts/cli-build-options.mjs).
import {chmodSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {cliBuildOptions} from './cli-build-options.mjs';

rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
await build({...cliBuildOptions, absWorkingDir: fileURLToPath(new URL('..', import.meta.url)), outdir: 'dist'});
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
