import {describe, expect, it} from 'vitest';
import {locator, type SettingsEntry} from '../../../src/present/settings/settings-file.js';
import {readColor, readThemeSettings} from '../../../src/present/settings/theme-settings.js';
import {BUILT_IN_THEMES, createTheme} from '../../../src/present/theme.js';

const at = locator('config.toml');
const entry = (name: string, value: unknown, line = 1): SettingsEntry => ({name, value, line});

describe('the theme section', () => {
	it('starts from the dark theme, or the light one when asked', () => {
		expect(readThemeSettings([], at)).toEqual({spec: BUILT_IN_THEMES.dark, problems: []});
		expect(readThemeSettings([entry('base', 'light')], at).spec).toEqual(BUILT_IN_THEMES.light);
		expect(BUILT_IN_THEMES.light.bookmarkMarker.color).not.toBe('yellow');
	});

	it("colours every style of a role, keeping the style's other attributes", () => {
		const {spec, problems} = readThemeSettings([entry('unread', 'magenta'), entry('byline', '#abc'), entry('link', 'CyanBright')], at);
		expect(problems).toEqual([]);
		expect(spec.unreadMarker).toEqual({color: 'magenta', bold: true});
		expect(spec.title).toEqual({color: 'magenta', bold: true});
		expect(spec.byline.color).toBe('#aabbcc');
		expect(spec.detailMeta.color).toBe('#aabbcc');
		expect(spec.link).toEqual({color: 'cyanBright', underline: true});
	});

	it('reports a bad colour, an unknown role and an unknown base, keeping the built-in look for each', () => {
		const {spec, problems} = readThemeSettings(
			[entry('base', 'solarized', 2), entry('link', 'blurple', 3), entry('title', 'red', 4), entry('error', 12, 5)],
			at,
		);
		expect(problems).toEqual([
			'config.toml line 2: theme base "solarized" is not a built-in theme (dark or light); using dark',
			'config.toml line 3: theme link: "blurple" is not a colour (a name such as blue or cyanBright, or #rrggbb); keeping the dark theme\'s',
			'config.toml line 4: "title" is not a colour role of the theme (unread, selected, byline, link, error, or base)',
			"config.toml line 5: theme error: 12 is not a colour (a name such as blue or cyanBright, or #rrggbb); keeping the dark theme's",
		]);
		expect(spec).toEqual(BUILT_IN_THEMES.dark);
	});

	it('reads colour names in any case and hex in both lengths', () => {
		expect(readColor('Red')).toBe('red');
		expect(readColor('#FFF')).toBe('#FFFFFF');
		expect(readColor('#12ab34')).toBe('#12ab34');
		expect(readColor('#12ab3')).toBeUndefined();
		expect(readColor('rgb(1,2,3)')).toBeUndefined();
	});

	it("draws a user's colour, and none of it under NO_COLOR", () => {
		const {spec} = readThemeSettings([entry('error', '#ff0000')], at);
		expect(createTheme({level: 3, noColor: false, spec}).error('oops')).toBe('\u001B[38;2;255;0;0moops\u001B[39m');
		expect(createTheme({level: 3, noColor: true, spec}).error('oops')).toBe('oops');
		expect(createTheme({level: 3, noColor: true, spec}).link('x')).toBe('\u001B[4mx\u001B[24m');
	});
});
