// The README's pictures (docs/screens/) against the reader as it is now: each picture's captured
// text must be what a fresh capture of the same screen shows, so a change to the UI fails here
// until `npm run screenshots` has taken the pictures again.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {
	captureScreens,
	hasTmux,
	pictureOf,
	rootDir,
	SCREENS,
	type Shot,
	screensDir,
	textSha256,
} from '../../scripts/screenshots/take-screenshots.mjs';

const TAKE_AGAIN = 'the README picture is older than the screen it shows: run npm run screenshots and commit docs/screens/';
const NO_TMUX = 'tmux is not installed: the screens are taken in a real terminal';

const readme = readFileSync(path.join(rootDir, 'README.md'), 'utf8');
const committed = (name: string, extension: 'svg' | 'txt') => readFileSync(path.join(screensDir, `${name}.${extension}`), 'utf8');
const names = SCREENS.map(screen => screen.name);

describe('the README pictures in docs/screens', () => {
	it.for(names)('%s has its picture and captured text, and the README shows it', name => {
		expect(existsSync(path.join(screensDir, `${name}.svg`)), `docs/screens/${name}.svg is missing: run npm run screenshots`).toBe(true);
		expect(existsSync(path.join(screensDir, `${name}.txt`)), `docs/screens/${name}.txt is missing: run npm run screenshots`).toBe(true);
		expect(readme.includes(`](docs/screens/${name}.svg)`), `README.md shows no docs/screens/${name}.svg`).toBe(true);
	});

	it.for(names)('%s picture was drawn from its captured text', name => {
		const hash = /data-text-sha256="([0-9a-f]{64})"/.exec(committed(name, 'svg'))?.[1];
		expect(hash, `docs/screens/${name}.svg and .txt come from different captures: run npm run screenshots`).toBe(
			textSha256(committed(name, 'txt')),
		);
	});
});

describe('the README pictures against a fresh capture', () => {
	const tmuxInstalled = hasTmux();
	let fresh: Shot[] = [];

	beforeAll(async () => {
		if (tmuxInstalled) fresh = await captureScreens();
	}, 60_000);

	it.for(names)('%s shows the same text as the reader shows now', (name, {skip}) => {
		skip(!tmuxInstalled, NO_TMUX);
		const shot = fresh.find(candidate => candidate.name === name);
		expect(shot?.text, `${name}: ${TAKE_AGAIN}`).toBe(committed(name, 'txt'));
	});

	it.for(names)('%s picture has the colours the reader shows now', async (name, {skip}) => {
		skip(!tmuxInstalled, NO_TMUX);
		const shot = fresh.find(candidate => candidate.name === name);
		expect(shot, `${name}: no fresh capture`).toBeDefined();
		expect(await pictureOf(shot!), `${name}: ${TAKE_AGAIN}`).toBe(committed(name, 'svg'));
	});
});
