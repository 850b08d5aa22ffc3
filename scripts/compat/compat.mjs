// `npm run compat`: reads the project's feed fixtures, and generated variants of the XML ones, with
// flashnews' parser and with Python's feedparser (the reference parser of the field), and lists
// where they differ in entry count, title, link, author, date and text. A report, not a test: it
// never fails on a difference. Needs feedparser (Debian: apt-get install python3-feedparser; or
// pip install feedparser); FEEDPARSER_PYTHON names the Python to use.
//   node scripts/compat/compat.mjs [--summary] [--source=DIR] [files or folders…]
// --source reads flashnews from DIR/src instead of this checkout (to compare two versions; DIR
// must be where its node_modules resolve, e.g. inside this checkout's node_modules/.cache).
import {isUtf8} from 'node:buffer';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {entryDifferences, FIELDS} from './compare.mjs';
import {explanation} from './explained-differences.mjs';
import {VARIANTS} from './variants.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT_FOLDERS = ['test/fixtures/compat', 'test/fixtures/xml', 'test/fixtures/hostile', 'test/fixtures/broken'];
const XML_FILE = /\.(?:xml|rss|rdf|atom|cdf)$/i;
const FEEDPARSER_MISSING =
	'feedparser is missing: install it (Debian: apt-get install python3-feedparser; elsewhere: pip install feedparser) or set FEEDPARSER_PYTHON to a Python that has it';

const argv = process.argv.slice(2);
const summaryOnly = argv.includes('--summary');
const sourceRoot = path.resolve(argv.find(arg => arg.startsWith('--source='))?.slice('--source='.length) ?? root);
const targets = argv.filter(arg => !arg.startsWith('--'));

function filesIn(target) {
	const full = path.resolve(root, target);
	if (!existsSync(full)) return [];
	if (!statSync(full).isDirectory()) return [full];
	return readdirSync(full)
		.sort()
		.map(name => path.join(full, name))
		.filter(file => statSync(file).isFile());
}

function findPython() {
	const candidates = [process.env.FEEDPARSER_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean);
	for (const python of candidates) {
		const probe = spawnSync(python, ['-c', 'import feedparser'], {stdio: 'ignore'});
		if (probe.status === 0) return python;
	}
	return undefined;
}

function runFeedparser(python, files) {
	const script = fileURLToPath(new URL('feedparser-dump.py', import.meta.url));
	const result = spawnSync(python, [script, ...files], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
	if (result.status === 3) throw new Error(FEEDPARSER_MISSING);
	if (result.status !== 0) throw new Error(`feedparser failed: ${result.stderr.trim().split('\n').at(-1)}`);
	return JSON.parse(result.stdout);
}

async function loadFlashnews(outdir) {
	const outfile = path.join(outdir, 'flashnews-core.mjs');
	await build({
		absWorkingDir: sourceRoot,
		stdin: {
			contents: "export {parseFeed} from './src/core/parse-feed.ts'; export {bodyToText} from './src/core/text/html-text.ts';",
			resolveDir: sourceRoot,
			loader: 'ts',
		},
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		banner: {js: "import {createRequire as __compatRequire} from 'node:module';const require=__compatRequire(import.meta.url);"},
		logLevel: 'silent',
	});
	return import(pathToFileURL(outfile).href);
}

/** Fixture files, and the variants written to `outdir`, as {file, label}. */
function documents(outdir) {
	const files = (targets.length > 0 ? targets : DEFAULT_FOLDERS).flatMap(filesIn);
	const list = [];
	let variantIndex = 0;
	for (const file of files) {
		const label = path.relative(root, file);
		list.push({file, label});
		const bytes = readFileSync(file);
		// Variants are made from UTF-8 text; other fixtures are about their own bytes.
		if (!XML_FILE.test(file) || !isUtf8(bytes)) continue;
		const text = bytes.toString('utf8');
		for (const [name, make] of VARIANTS) {
			const variantBytes = make(text, variantIndex++);
			if (!variantBytes) continue;
			const variant = path.join(outdir, `${path.basename(file)}~${name}.xml`);
			writeFileSync(variant, variantBytes);
			list.push({file: variant, label: `${label} ~${name}`});
		}
	}
	return list;
}

function shorten(value) {
	const text = value === null || value === undefined ? '(none)' : String(value).replace(/\s+/g, ' ');
	return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

async function compareDocument(core, document, reference) {
	const result = await core.parseFeed(new Uint8Array(readFileSync(document.file)), document.file);
	const theirs = reference?.entries ?? [];
	const ours = result.ok ? result.articles : [];
	const lines = [];
	if (ours.length !== theirs.length) {
		const why = result.ok ? '' : ` (${result.error})`;
		lines.push(['count', `flashnews ${ours.length}${why}, feedparser ${theirs.length}`]);
	}
	for (let index = 0; index < Math.min(ours.length, theirs.length); index++) {
		const article = {...ours[index], text: core.bodyToText(ours[index].content.value ? ours[index].content : ours[index].summary)};
		for (const [field, mine, reference_] of entryDifferences(article, theirs[index])) {
			lines.push([field, `#${index + 1} flashnews ${shorten(mine)} | feedparser ${shorten(reference_)}`]);
		}
	}
	return lines;
}

async function main() {
	const python = findPython();
	if (!python) {
		console.error(FEEDPARSER_MISSING);
		process.exitCode = 2;
		return;
	}
	// Inside node_modules, so the bundle finds the packages it loads lazily (iconv-lite, html-to-text).
	const cache = path.join(root, 'node_modules', '.cache');
	mkdirSync(cache, {recursive: true});
	const outdir = mkdtempSync(path.join(cache, 'flashnews-compat-'));
	try {
		const core = await loadFlashnews(outdir);
		const all = documents(outdir);
		const skipped = all.filter(document => document.file.endsWith('.json'));
		const checked = all.filter(document => !document.file.endsWith('.json'));
		const reference = runFeedparser(
			python,
			checked.map(document => document.file),
		);
		const totals = Object.fromEntries(FIELDS.map(field => [field, 0]));
		const explained = new Map();
		let differing = 0;
		for (const document of checked) {
			const lines = await compareDocument(core, document, reference.files[document.file]);
			const open = [];
			for (const [field, line] of lines) {
				const reason = explanation(document.label, field);
				if (reason === undefined) open.push([field, line]);
				else explained.set(reason, (explained.get(reason) ?? 0) + 1);
			}
			if (open.length === 0) continue;
			differing++;
			for (const [field] of open) totals[field]++;
			if (summaryOnly) continue;
			console.log(document.label);
			for (const [field, line] of open) console.log(`  ${field}: ${line}`);
		}
		const variants = checked.filter(document => document.label.includes(' ~')).length;
		if (!summaryOnly && explained.size > 0) {
			console.log('\nexplained (see scripts/compat/explained-differences.mjs):');
			for (const [reason, count] of explained) console.log(`  ${count} × ${reason}`);
		}
		console.log(
			`\nflashnews vs feedparser ${reference.version}: ${checked.length} documents (${checked.length - variants} fixtures, ${variants} generated variants); ${skipped.length} JSON documents skipped (feedparser reads no JSON Feed)`,
		);
		const explainedCount = [...explained.values()].reduce((sum, count) => sum + count, 0);
		console.log(
			`differences: ${FIELDS.map(field => `${field} ${totals[field]}`).join(', ')}; in ${differing} of ${checked.length} documents; ${explainedCount} more explained`,
		);
	} finally {
		rmSync(outdir, {recursive: true, force: true});
	}
}

await main();
