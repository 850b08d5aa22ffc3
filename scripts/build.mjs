// Bundles the CLI into dist/: a small launcher (cli.js), the reader in one file (app.cjs) and the
// parse worker. Code that only some runs need is loaded on first use from node_modules (see
// scripts/cli-build-options.mjs).
import {fileURLToPath} from 'node:url';
import {buildCli} from './cli-build-options.mjs';

await buildCli({root: fileURLToPath(new URL('..', import.meta.url)), outdir: 'dist'});
