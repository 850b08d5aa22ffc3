// npm run screenshots: takes the README's pictures again from the built reader in tmux, and
// writes each as docs/screens/NAME.svg beside NAME.txt, the captured text it shows (which
// test/readme/screenshots.test.ts compares with a fresh capture).
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {readScreen, renderSvg, screenText} from './render-svg.mjs';
import {TERMINAL} from './screens.mjs';
import {captureScreens, rootDir} from './tmux-capture.mjs';

export {textSha256} from './render-svg.mjs';
export {SCREENS} from './screens.mjs';
export {captureScreens, hasTmux, rootDir} from './tmux-capture.mjs';

export const screensDir = path.join(rootDir, 'docs', 'screens');

/** The picture of one capture; fails when the emulator read the screen differently from tmux. */
export async function pictureOf(shot) {
	const grid = await readScreen(shot.styled, TERMINAL);
	const read = screenText(grid);
	if (read !== shot.text) {
		throw new Error(`screenshots: the ${shot.name} screen drawn from its colours differs from tmux's text:\n${read}\n---\n${shot.text}`);
	}
	return renderSvg(grid, {...TERMINAL, title: shot.alt});
}

async function main() {
	const shots = await captureScreens({onStep: text => process.stdout.write(`  ${text}\n`)});
	mkdirSync(screensDir, {recursive: true});
	for (const shot of shots) {
		const svg = await pictureOf(shot);
		writeFileSync(path.join(screensDir, `${shot.name}.txt`), shot.text);
		writeFileSync(path.join(screensDir, `${shot.name}.svg`), svg);
		console.log(`${path.relative(rootDir, path.join(screensDir, shot.name))}.svg and .txt`);
	}
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
	main().catch(error => {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	});
}
