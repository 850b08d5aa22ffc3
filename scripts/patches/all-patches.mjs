// Every package the CLI bundle patches, one module each. Each states the exact version its patches
// were verified against, and package.json pins that version (directly or through overrides).
import ansiTokenize from './ansi-tokenize.mjs';
import ink from './ink.mjs';
import rssParser from './rss-parser.mjs';
import sliceAnsi from './slice-ansi.mjs';
import stringWidth from './string-width.mjs';
import yogaLayout from './yoga-layout.mjs';

/** @type {import('./apply-patches.mjs').PackagePatches[]} */
export const allPatches = [yogaLayout, ink, ansiTokenize, sliceAnsi, stringWidth, rssParser];
