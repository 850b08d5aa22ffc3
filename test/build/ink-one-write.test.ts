// Ink writes a frame with its synchronized-update marks around it. Patched
// (scripts/patches/ink-one-write.mjs), the three go to a stream that can cork in one write; a
// stream that cannot is written as before.
import fs from 'node:fs';
import {Writable} from 'node:stream';
import type {ComponentType, createElement as CreateElement} from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bundle, makeTempDir} from './patched-bundle.js';

type Kit = {
	render: typeof import('ink').render;
	Text: ComponentType<Record<string, unknown>>;
	createElement: typeof CreateElement;
};

const entry = "export {render, Text} from 'ink'; export {createElement} from 'react';";
const BEGIN = '\u001B[?2026h';
const END = '\u001B[?2026l';
const CI_VARIABLE = /^(CI|CONTINUOUS_INTEGRATION|CI_.*)$/;

let outDir = '';
let patched: Kit;
let original: Kit;

// Ink decides as it loads whether it runs in CI, where it writes no synchronized-update marks.
beforeAll(async () => {
	outDir = makeTempDir('flashnews-one-write-');
	const saved = Object.entries(process.env).filter(([name]) => CI_VARIABLE.test(name));
	for (const [name] of saved) delete process.env[name];
	try {
		patched = (await bundle<Kit>(outDir, 'patched', entry, {patched: true})).exports;
		original = (await bundle<Kit>(outDir, 'original', entry, {patched: false})).exports;
	} finally {
		for (const [name, value] of saved) process.env[name] = value;
	}
});

afterAll(() => {
	fs.rmSync(outDir, {recursive: true, force: true});
});

/** A terminal's stdout that records what each write call to the terminal carried. */
class RecordingTerminal extends Writable {
	readonly isTTY = true;
	readonly columns = 40;
	readonly rows = 10;
	readonly writes: string[] = [];
	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
		this.writes.push(chunk.toString());
		callback();
	}
	override _writev(chunks: {chunk: Buffer}[], callback: () => void): void {
		this.writes.push(chunks.map(({chunk}) => chunk.toString()).join(''));
		callback();
	}
}

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/** The write calls of each frame after the first, as `kit`'s Ink draws a counter going up. */
async function framesAfterTheFirst(kit: Kit): Promise<string[][]> {
	const {render, Text, createElement: h} = kit;
	const stdout = new RecordingTerminal();
	const app = render(h(Text, null, 'count 0'), {
		stdout: stdout as unknown as NodeJS.WriteStream,
		patchConsole: false,
		exitOnCtrlC: false,
		incrementalRendering: true,
		maxFps: 1000,
	});
	await new Promise(resolve => setTimeout(resolve, 20));
	const frames: string[][] = [];
	for (let count = 1; count <= 3; count++) {
		const before = stdout.writes.length;
		app.rerender(h(Text, null, `count ${count}`));
		await new Promise(resolve => setTimeout(resolve, 20));
		await nextTurn();
		frames.push(stdout.writes.slice(before));
	}
	app.unmount();
	return frames;
}

describe("Ink's frame writes", () => {
	it('sends each frame and its synchronized-update marks in one write when the stream can cork', async () => {
		const frames = await framesAfterTheFirst(patched);
		expect(frames).toHaveLength(3);
		for (const [index, writes] of frames.entries()) {
			expect(writes).toHaveLength(1);
			expect(writes[0]?.startsWith(BEGIN)).toBe(true);
			expect(writes[0]?.endsWith(END)).toBe(true);
			expect(writes[0]).toContain(`${index + 1}`);
		}
	});

	it('is needed: Ink as published sends each mark in a write of its own', async () => {
		const frames = await framesAfterTheFirst(original);
		for (const writes of frames) {
			expect(writes[0]).toBe(BEGIN);
			expect(writes.at(-1)).toBe(END);
			expect(writes.length).toBeGreaterThan(2);
		}
	});

	it('still writes every frame to a stream without cork()', async () => {
		const {render, Text, createElement: h} = patched;
		let written = '';
		const stdout = Object.assign(new (await import('node:events')).EventEmitter(), {
			isTTY: true,
			columns: 40,
			rows: 10,
			write(data: string) {
				written += data;
				return true;
			},
		});
		const app = render(h(Text, null, 'first'), {stdout: stdout as unknown as NodeJS.WriteStream, patchConsole: false, maxFps: 1000});
		await new Promise(resolve => setTimeout(resolve, 20));
		app.rerender(h(Text, null, 'second'));
		await new Promise(resolve => setTimeout(resolve, 20));
		app.unmount();
		expect(written).toContain('first');
		expect(written).toContain(`${BEGIN}`);
		expect(written).toContain('second');
	});
});
