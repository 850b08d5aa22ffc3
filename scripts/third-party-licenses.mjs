// The notices of every package the bundle carries, for dist/THIRD-PARTY-LICENSES.txt: the
// licences of most of them (MIT, ISC, BSD, Apache) ask that their text travel with copies of the
// code. Which packages are bundled comes from esbuild's metafiles, so the file lists exactly
// what dist/ holds, each version once.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\b|[.\-_])/i;
const RULE = '='.repeat(78);
// The licence texts of packages that publish none, taken from their source repositories.
const SUPPLIED = fileURLToPath(new URL('licences/', import.meta.url));

/** The folder of the package that holds `file` (a path with node_modules in it), or undefined. */
function packageFolder(file) {
	const parts = file.split(/[\\/]/);
	const at = parts.lastIndexOf('node_modules');
	if (at === -1 || at + 1 >= parts.length) return undefined;
	const length = parts[at + 1].startsWith('@') ? at + 3 : at + 2;
	return parts.slice(0, length).join(path.sep);
}

function repositoryUrl(manifest) {
	const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
	return (repository ?? manifest.homepage ?? '')
		.replace(/^git\+/, '')
		.replace(/^git@github\.com:/, 'https://github.com/')
		.replace(/^github:/, 'https://github.com/')
		.replace(/^git:\/\//, 'https://')
		.replace(/^([\w.-]+\/[\w.-]+)$/, 'https://github.com/$1')
		.replace(/\.git$/, '');
}

function licenceField(manifest) {
	if (typeof manifest.license === 'string') return manifest.license;
	if (manifest.license?.type) return manifest.license.type;
	if (Array.isArray(manifest.licenses)) return manifest.licenses.map(licence => licence.type ?? licence).join(' OR ');
	return 'UNKNOWN';
}

/** One bundled package: name, version, licence, where it comes from, and its licence files' text. */
function readPackage(folder) {
	const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
	const files = readdirSync(folder)
		.filter(name => LICENCE_FILE.test(name))
		.sort();
	const texts = files.map(name => readFileSync(path.join(folder, name), 'utf8').trim());
	const supplied = path.join(SUPPLIED, `${manifest.name.replace('/', '__')}.txt`);
	if (texts.length === 0 && existsSync(supplied)) {
		texts.push(
			`(The package publishes no licence file; this is the licence of its source repository.)\n\n${readFileSync(supplied, 'utf8').trim()}`,
		);
	}
	return {name: manifest.name, version: manifest.version, licence: licenceField(manifest), source: repositoryUrl(manifest), texts};
}

/** The packages whose files are inputs of the metafiles, sorted by name and version. */
export function bundledPackages(metafiles, root) {
	const folders = new Set();
	for (const metafile of metafiles) {
		for (const input of Object.keys(metafile.inputs)) {
			if (input.includes(':')) continue; // a plugin's virtual module, not a file
			const folder = packageFolder(path.resolve(root, input));
			if (folder) folders.add(folder);
		}
	}
	const packages = new Map();
	for (const folder of folders) {
		const found = readPackage(folder);
		packages.set(`${found.name}@${found.version}`, found);
	}
	return [...packages.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, 'en', {numeric: true}));
}

/** The text of THIRD-PARTY-LICENSES.txt, and the packages that ship no licence file of their own. */
export function thirdPartyNotices(packages, product) {
	const sections = packages.map(found => {
		const heading = `${found.name} ${found.version} (${found.licence})${found.source ? `\n${found.source}` : ''}`;
		const body =
			found.texts.length > 0
				? found.texts.join('\n\n')
				: `The package ships no licence file; its package.json names the ${found.licence} licence.`;
		return `${RULE}\n${heading}\n${RULE}\n\n${body}\n`;
	});
	const intro = `${product} bundles the code of the ${packages.length} packages below into its files. Their licences
ask that these notices go with every copy, so here they are, each package's own licence text.
`;
	return {
		text: `${intro}\n${sections.join('\n')}`,
		withoutFile: packages.filter(found => found.texts.length === 0).map(found => found.name),
	};
}
