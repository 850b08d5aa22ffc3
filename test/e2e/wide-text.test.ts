import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasTmux, type TmuxSession, terminalTestKit} from './tmux-session.js';

// Clusters terminals draw wider than string-width counts them (Devanagari conjuncts, skin tones),
// and ones they may draw narrower (ZWJ sequences, emoji with a variation selector, flags).
const feed = path.resolve('test/fixtures/wide/clusters.json');
const {start, configDir} = terminalTestKit();

/** The screen row by row as tmux holds it (no joining of wrapped lines). */
function rows(app: TmuxSession): string[] {
	return app.screen().split('\n');
}

async function expectWholeLayout(app: TmuxSession, terminalRows: number, hint: string, indicator?: string): Promise<void> {
	await app.waitFor(screen => screen.includes(hint) && screen.includes(indicator ?? '6 articles'));
	const screen = rows(app);
	// The header on the first row, the hint bar on the last row the app uses, nothing pushed.
	expect(screen[0]).toContain('6 articles');
	if (indicator !== undefined) expect(screen[terminalRows - 4]).toContain(indicator);
	expect(screen[terminalRows - 2]).toContain(hint);
	expect(
		screen
			.slice(terminalRows - 1)
			.join('')
			.trim(),
	).toBe('');
}

describe.skipIf(!hasTmux())('text terminals draw wider or narrower than expected', () => {
	for (const columns of [80, 40]) {
		it(`never wraps a row at ${columns} columns, in the list and in each article`, async () => {
			const terminalRows = 16;
			const app = start(['--config-dir', configDir(), feed], {columns, rows: terminalRows});
			await expectWholeLayout(app, terminalRows, 'j/k move');
			for (let article = 1; article <= 6; article++) {
				app.press('Enter');
				await expectWholeLayout(app, terminalRows, 'j/k scroll', `article ${article} of 6`);
				app.press('Escape', 'j');
			}
			app.press('q');
		});
	}
});
