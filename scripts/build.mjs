// Bundles the CLI into dist/: a small launcher (cli.js), the reader in one file (app.cjs) and the
// parse worker. Code that only some runs need is loaded on first use from node_modules (see
// scripts/cli-build-options.mjs).
//
// A dependency patch that no longer applies (scripts/patches/) is left out with a warning, so an
// install never fails on it. With FLASHNEWS_STRICT_PATCHES=1 (set by .ci/run) the warning also
// fails the build, so a maintainer sees it. CI=true alone does not: installs run in CI too.
import {fileURLToPath} from 'node:url';
import {buildCli} from './cli-build-options.mjs';

const {warnings} = await buildCli({root: fileURLToPath(new URL('..', import.meta.url)), outdir: 'dist'});
if (warnings.length > 0 && process.env.FLASHNEWS_STRICT_PATCHES === '1') {
	console.error('flashnews build: failed, as FLASHNEWS_STRICT_PATCHES=1 asks when a patch is left out');
	process.exitCode = 1;
}
