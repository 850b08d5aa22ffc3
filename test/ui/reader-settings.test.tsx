import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {locator, parseSettings} from '../../src/present/settings/settings-file.js';
import {defaultBindings} from '../../src/ui/keys/bindings.js';
import {createKeymap} from '../../src/ui/keys/keymap.js';
import {applyUserKeys} from '../../src/ui/keys/user-bindings.js';
import {fakeSource, makeArticles, okResult} from './helpers/articles.js';
import {eventually, press} from './helpers/press.js';
import {renderReader} from './helpers/render-reader.js';

afterEach(() => cleanup());

function keymapFrom(text: string) {
	const {table, problems} = applyUserKeys(defaultBindings, parseSettings(text).sections.keys, locator('config.toml'));
	return {keymap: createKeymap(table), problems};
}

describe("the reader with the user's settings", () => {
	it("moves and opens the help with the user's keys, and the help shows them", async () => {
		const {keymap} = keymapFrom('[keys]\nmoveDown = "@"\nhelp = "H"\n');
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))], {keymap});
		await press(app.stdin, '@');
		await eventually(app.selectedLine).toContain('Headline number 2');
		await press(app.stdin, 'H');
		await eventually(app.frame).toContain('Keys (any key closes this help)');
		expect(app.lines().some(line => /^ @ +Next headline/.test(line))).toBe(true);
		expect(app.lines().some(line => /H +Show or hide this help/.test(line))).toBe(true);
		expect(app.hintLine()).toContain('@/k move');
	});

	it("shows the config file's mistakes in the status line and starts as usual", async () => {
		const {keymap, problems} = keymapFrom('[keys]\nfly = "x"\n');
		const app = await renderReader([fakeSource(okResult('Flash News', makeArticles(3)))], {keymap, notices: problems});
		await eventually(app.statusLine).toContain('config.toml line 2: "fly" is not a command');
		expect(app.selectedLine()).toContain('Headline number 1');
	});
});
