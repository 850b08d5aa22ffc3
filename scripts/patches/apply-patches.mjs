// Applies the text patches of scripts/patches/*.mjs while esbuild loads a dependency's file. A patch
// applies only to the exact version of its package it was checked against, and only if every text
// it replaces is still there. Otherwise the file is bundled as published and the build says which
// patch it left out and what the bundle does without it: it still works, only slower or plainer.

import {readFileSync} from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} Patch
 * @property {string} name what the patch does, for the build's warning
 * @property {string} file the patched file, relative to the package's folder, with `/`
 * @property {Array<[string, string]>} changes exact texts and their replacements, in order
 * @property {string} [append] code added at the end of the patched file (helpers the changes call)
 * @property {boolean} [commonJs] needed only where the bundle is CommonJS (it removes top-level await)
 * @property {string} [withoutIt] what the bundle does without the patch, for the build's warning (by
 *   default: it starts slower)
 *
 * @typedef {object} PackagePatches
 * @property {string} package the package's name
 * @property {string} verified the one version of the package the patches were checked against
 * @property {Patch[]} patches
 */

const separator = String.raw`[\\/]`;
const escapeRegExp = text => text.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/**
 * Matches paths inside node_modules/<name>/ (or exactly node_modules/<name>/<file>), whichever path
 * separator the platform uses.
 */
export function packagePathPattern(name, file) {
	const parts = ['node_modules', ...name.split('/'), ...(file ? file.split('/') : [])].map(escapeRegExp);
	return new RegExp(`${separator}${parts.join(separator)}${file ? '$' : separator}`);
}

/** The version in the package.json of the package `name` that holds `file`, or undefined. */
function installedVersion(file, name) {
	for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		let manifest;
		try {
			manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
		} catch {
			continue;
		}
		if (manifest.name === name) return typeof manifest.version === 'string' ? manifest.version : undefined;
	}
	return undefined;
}

/** Why `patch` cannot apply to `source` of the given version, or undefined if it can. */
function mismatch(packagePatches, patch, version, source) {
	if (version !== packagePatches.verified) {
		return `${packagePatches.package} is ${version ?? 'of unknown version'}, the patch was verified against ${packagePatches.verified}`;
	}
	const missing = patch.changes.find(([from]) => !source.includes(from));
	if (missing) return `${patch.file} no longer contains ${JSON.stringify(missing[0].split('\n')[0])}`;
	return undefined;
}

function applyPatch(source, patch) {
	let result = source;
	for (const [from, to] of patch.changes) result = result.replace(from, () => to);
	return patch.append ? `${result}\n${patch.append}` : result;
}

function byFile(patches) {
	const files = new Map();
	for (const patch of patches) files.set(patch.file, [...(files.get(patch.file) ?? []), patch]);
	return files;
}

/** The warning for a patch left out, one line. */
function skippedPatchWarning(packagePatches, patch, reason) {
	const module = `scripts/patches/${packagePatches.package.split('/').pop()}.mjs`;
	const withoutIt = patch.withoutIt ?? 'starts slower';
	return `flashnews build: left out the ${packagePatches.package} patch "${patch.name}" (${reason}); the bundle works without it but ${withoutIt}. Revisit ${module}.`;
}

/**
 * An esbuild plugin that applies the patches of `packages` (those marked `commonJs` only if
 * `commonJs`). Each patch left out is reported through `onSkip`, each applied through `onApply`.
 * @param {PackagePatches[]} packages
 * @param {{commonJs: boolean, onSkip(warning: string): void, onApply?(packageName: string, patchName: string): void}} options
 */
export function patchPlugin(packages, {commonJs, onSkip, onApply = () => {}}) {
	return {
		name: 'flashnews-patches',
		setup(build) {
			for (const packagePatches of packages) {
				const wanted = packagePatches.patches.filter(patch => commonJs || !patch.commonJs);
				for (const [file, patches] of byFile(wanted)) {
					build.onLoad({filter: packagePathPattern(packagePatches.package, file)}, args => {
						const version = installedVersion(args.path, packagePatches.package);
						let contents = readFileSync(args.path, 'utf8');
						let patched = false;
						for (const patch of patches) {
							const reason = mismatch(packagePatches, patch, version, contents);
							if (reason) {
								onSkip(skippedPatchWarning(packagePatches, patch, reason));
								continue;
							}
							contents = applyPatch(contents, patch);
							patched = true;
							onApply(packagePatches.package, patch.name);
						}
						// Nothing returned: esbuild loads the file as published.
						return patched ? {contents, loader: 'js'} : undefined;
					});
				}
			}
		},
	};
}
