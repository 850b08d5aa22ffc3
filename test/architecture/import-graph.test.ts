import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

// The layers of src/ and what each may import. Type-only imports are erased when compiled, so the
// interface may name the loader's types without depending on loading code.
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

type Layer = 'cli' | 'ui' | 'load' | 'store' | 'present' | 'core' | 'shims';

const ALLOWED: Record<Layer, readonly Layer[]> = {
	cli: ['cli', 'ui', 'load', 'store', 'present', 'core', 'shims'],
	ui: ['ui', 'present', 'core', 'store', 'shims'],
	load: ['load', 'core', 'shims'],
	store: ['store', 'core'],
	present: ['present', 'core'],
	core: ['core', 'shims'],
	shims: ['shims', 'present'],
};
const TYPE_ONLY_ALLOWED: Partial<Record<Layer, readonly Layer[]>> = {ui: ['load']};
/** Node modules core may use: none of them reads files, stdin, the network or starts workers. */
const CORE_NODE_MODULES = new Set(['node:buffer', 'node:crypto', 'node:path']);

type Edge = {from: string; to: string; typeOnly: boolean};

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

function layerOf(file: string): Layer {
	const relative = path.relative(SRC, file).split(path.sep);
	if (relative.length === 1) return 'cli';
	return relative[0] as Layer;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s+'([^']+)'/g;

function importsOf(file: string): Edge[] {
	const text = readFileSync(file, 'utf8');
	const edges: Edge[] = [];
	for (const match of text.matchAll(IMPORT)) {
		const specifier = match[3] ?? match[4] ?? match[5] ?? '';
		const typeOnly = match[2] !== undefined;
		const to = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier).replace(/\.js$/, '') : specifier;
		edges.push({from: file, to, typeOnly});
	}
	return edges;
}

function resolveSource(target: string, files: Set<string>): string | undefined {
	for (const candidate of [`${target}.ts`, `${target}.tsx`]) if (files.has(candidate)) return candidate;
	return undefined;
}

const files = sourceFiles(SRC);
const fileSet = new Set(files);
const edges = files.flatMap(importsOf);
const name = (file: string) => path.relative(SRC, file);

describe('the source tree', () => {
	it('has every layer import only the layers below it', () => {
		const wrong: string[] = [];
		for (const edge of edges) {
			const target = resolveSource(edge.to, fileSet);
			if (target === undefined) continue;
			const from = layerOf(edge.from);
			const to = layerOf(target);
			const allowed = ALLOWED[from].includes(to) || (edge.typeOnly && (TYPE_ONLY_ALLOWED[from] ?? []).includes(to));
			if (!allowed) wrong.push(`${name(edge.from)} → ${name(target)}`);
		}
		expect(wrong).toEqual([]);
	});

	it('keeps core free of files, stdin, workers, the network and React', () => {
		const wrong: string[] = [];
		for (const edge of edges) {
			if (layerOf(edge.from) !== 'core' || edge.to.startsWith('/')) continue;
			const isNode = edge.to.startsWith('node:');
			if ((isNode && !CORE_NODE_MODULES.has(edge.to)) || /^(react|ink)(\/|$)/.test(edge.to))
				wrong.push(`${name(edge.from)} imports ${edge.to}`);
		}
		for (const file of files.filter(file => layerOf(file) === 'core')) {
			if (/process\.(stdin|stdout|env)|\bfetch\(/.test(readFileSync(file, 'utf8')))
				wrong.push(`${name(file)} reaches for the process or the network`);
		}
		expect(wrong).toEqual([]);
	});

	it('has conf imported by the store alone', () => {
		const importers = edges.filter(edge => edge.to === 'conf').map(edge => name(edge.from));
		expect(importers.length).toBeGreaterThan(0);
		expect(importers.filter(file => !file.startsWith(`store${path.sep}`))).toEqual([]);
	});

	it('has no import cycles', () => {
		const graph = new Map<string, string[]>();
		for (const edge of edges) {
			const target = resolveSource(edge.to, fileSet);
			if (target !== undefined && !edge.typeOnly) graph.set(edge.from, [...(graph.get(edge.from) ?? []), target]);
		}
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (file: string, trail: string[]) => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'open') {
				cycles.push([...trail.slice(trail.indexOf(file)), file].map(name).join(' → '));
				return;
			}
			state.set(file, 'open');
			for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
			state.set(file, 'done');
		};
		for (const file of files) visit(file, []);
		expect(cycles).toEqual([]);
	});

	it('keeps every source file under 300 lines', () => {
		const long = files
			.map(file => `${name(file)}: ${readFileSync(file, 'utf8').split('\n').length}`)
			.filter(entry => Number(entry.split(': ')[1]) > 300);
		expect(long).toEqual([]);
	});
});
