import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {defaultBindings as keyBindings} from '../../src/ui/keys/bindings.js';
import {keyLabel} from '../../src/ui/keys/key-names.js';
import {fakeSource, makeArticles, okResult} from './helpers/articles.js';
import {eventually, KEYS, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

const HELP_TITLE = 'Keys (any key closes this help)';

describe('the help overlay', () => {
	it('lists every command with its keys from the bindings table, over pages turned with Space', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))]);
		await press(app.stdin, '?');
		await eventually(app.frame).toContain(HELP_TITLE);
		const pageCount = Number(/page 1 of (\d+)/.exec(app.frame())?.[1] ?? 1);
		let frame = app.frame();
		for (let page = 2; page <= pageCount; page++) {
			await press(app.stdin, ' ');
			await eventually(app.frame).toContain(`page ${page} of ${pageCount}`);
			frame += app.frame();
		}
		for (const binding of keyBindings) {
			expect(frame).toContain(binding.description);
			expect(frame).toContain(binding.keys.map(keyLabel).join(' '));
		}
	});

	it('closes on any key without acting on it', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))]);
		// Each time: the help is up, then a key brings the list back (no line starts with › in the help).
		for (const key of ['j', '?', KEYS.escape]) {
			await press(app.stdin, '?');
			await eventually(app.frame).toContain(HELP_TITLE);
			await press(app.stdin, key);
			await eventually(app.selectedLine).toContain('Headline number 1');
			expect(app.frame()).not.toContain('Next headline');
			expect(app.frame()).toContain('Headline number 3');
		}
	});
});

describe('the feed and section picker', () => {
	const sport = makeArticles(6, index => ({section: index % 2 === 0 ? 'Sport' : 'Bota', feed: index <= 3 ? 'Flash News' : 'Other Wire'}));

	it('offers all feeds, each feed and each section with counts', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', sport))]);
		await press(app.stdin, 'f');
		await eventually(app.frame).toContain('All feeds (6)');
		const frame = app.frame();
		expect(frame).toContain('Feed · Flash News (3)');
		expect(frame).toContain('Feed · Other Wire (3)');
		expect(frame).toContain('Section · Bota (3)');
		expect(frame).toContain('Section · Sport (3)');
	});

	it('filters the list by the chosen section and names it in the header', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', sport))]);
		await press(app.stdin, 'f');
		await eventually(app.frame).toContain('All feeds (6)');
		const items = app.lines().filter(line => /\(\d+\)( · |$)/.test(line.trimEnd()));
		const sportIndex = items.findIndex(line => line.includes('Section · Sport'));
		expect(sportIndex).toBeGreaterThan(0);
		// One burst, as a fast typist or a paste delivers it: each key acts on the state the last one left.
		app.stdin.write(`${'j'.repeat(sportIndex)}\r`);
		await eventually(() => app.lines()[0]).toMatch(/^Section: Sport/);
		const lines = app.lines();
		expect(lines[0]).toContain('3 articles');
		const rows = lines.filter(line => line.includes('Headline number'));
		expect(rows.map(row => row.match(/Headline number (\d+)/)?.[1])).toEqual(['2', '4', '6']);
	});

	it('takes the keys that open it, move in it and choose in one burst', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', sport))]);
		app.stdin.write('fj\r');
		await eventually(() => app.lines()[0]).toMatch(/^Flash News.*\b3 articles/);
		expect(app.frame()).not.toContain('Headline number 4');
	});

	it('wraps around at either end, and g/G jump to the first and last choice', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', sport))]);
		await press(app.stdin, 'f', 'k');
		await eventually(app.frame).toContain('› Section · Sport');
		await press(app.stdin, 'j');
		await eventually(app.frame).toContain('› All feeds');
		await press(app.stdin, 'G');
		await eventually(app.frame).toContain('› Section · Sport');
		await press(app.stdin, 'g');
		await eventually(app.frame).toContain('› All feeds');
	});

	it('moves through the choices with the arrow keys and picks one with Enter', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', sport))]);
		await press(app.stdin, 'f');
		await eventually(app.frame).toContain('› All feeds');
		await press(app.stdin, KEYS.down);
		await eventually(app.frame).toContain('› Feed · Flash News');
		await press(app.stdin, KEYS.enter);
		await eventually(() => app.lines()[0]).toMatch(/^Flash News.*\b3 articles/);
		expect(app.frame()).not.toContain('Headline number 4');
	});

	it('closes with Esc and leaves the list as it was', async () => {
		const app = await renderReader([fakeSource(okResult('Flash News', sport))]);
		await press(app.stdin, 'j', 'f');
		await eventually(app.frame).toContain('All feeds (6)');
		await press(app.stdin, KEYS.escape);
		await eventually(app.selectedLine).toContain('Headline number 2');
		expect(app.frame()).not.toContain('All feeds (6)');
		expect(app.lines()[0]).toMatch(/^Flash News/);
		await press(app.stdin, 'j');
		await eventually(app.selectedLine).toContain('Headline number 3');
	});
});
