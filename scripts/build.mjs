// Bundles the CLI into dist/: a small launcher (cli.js), the reader in one file (app.cjs), the
// parse worker, the dependencies only some runs need (dist/lazy/, loaded on first use), the
// licences of everything bundled and the man page (see scripts/cli-build-options.mjs). dist/
// needs no node_modules.
//
// A dependency patch that no longer applies (scripts/patches/) is left out with a warning, so an
// install never fails on it; so is a bundled package whose licence text cannot be found. With
// FLASHNEWS_STRICT_PATCHES=1 (set by .ci/run) a warning also fails the build, so a maintainer sees
// it. CI=true alone does not: installs run in CI too.
import {fileURLToPath} from 'node:url';
import {buildCli} from './cli-build-options.mjs';

const {warnings} = await buildCli({root: fileURLToPath(new URL('..', import.meta.url)), outdir: 'dist'});
if (warnings.length > 0 && process.env.FLASHNEWS_STRICT_PATCHES === '1') {
	console.error('flashnews build: failed, as FLASHNEWS_STRICT_PATCHES=1 asks when a patch is left out');
	process.exitCode = 1;
}
