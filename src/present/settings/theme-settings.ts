import {foregroundColorNames} from 'chalk';
import {BUILT_IN_THEMES, type BuiltInTheme, type StyleName, type ThemeColor, type ThemeSpec} from '../theme.js';
import type {Locate, SettingsEntry} from './settings-file.js';

/** What a user may colour, and the styles each role colours. */
export const THEME_ROLES = {
	unread: ['unreadMarker', 'title'],
	selected: ['selected'],
	byline: ['byline', 'detailMeta'],
	link: ['link'],
	error: ['error'],
} as const satisfies Record<string, readonly StyleName[]>;
export type ThemeRole = keyof typeof THEME_ROLES;

const ROLE_NAMES = Object.keys(THEME_ROLES) as ThemeRole[];
const THEME_NAMES = Object.keys(BUILT_IN_THEMES) as BuiltInTheme[];
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const BASE_ENTRY = 'base';

/** A colour as written in the file: a chalk colour name in any case ('Cyan', 'redbright') or #rgb / #rrggbb. */
export function readColor(value: unknown): ThemeColor | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (HEX.test(text)) return text.length === 4 ? `#${[...text.slice(1)].map(digit => digit + digit).join('')}` : (text as ThemeColor);
	return foregroundColorNames.find(name => name.toLowerCase() === text.toLowerCase());
}

function quoted(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

/**
 * The [theme] section as a theme: `base = "light"` picks a built-in theme (dark by default), and
 * each role (`link = "blue"`) colours its styles. A bad entry is reported and left at the base.
 */
export function readThemeSettings(entries: readonly SettingsEntry[], at: Locate): {spec: ThemeSpec; problems: string[]} {
	const problems: string[] = [];
	const baseEntry = entries.find(entry => entry.name === BASE_ENTRY);
	let base: BuiltInTheme = 'dark';
	if (baseEntry !== undefined) {
		const wanted = THEME_NAMES.find(name => typeof baseEntry.value === 'string' && name === baseEntry.value.trim().toLowerCase());
		if (wanted === undefined)
			problems.push(
				`${at(baseEntry.line)}theme base ${quoted(baseEntry.value)} is not a built-in theme (${THEME_NAMES.join(' or ')}); using dark`,
			);
		else base = wanted;
	}
	const spec: ThemeSpec = {...BUILT_IN_THEMES[base]};
	for (const entry of entries) {
		if (entry.name === BASE_ENTRY) continue;
		if (!(ROLE_NAMES as string[]).includes(entry.name)) {
			problems.push(`${at(entry.line)}"${entry.name}" is not a colour role of the theme (${ROLE_NAMES.join(', ')}, or base)`);
			continue;
		}
		const color = readColor(entry.value);
		if (color === undefined) {
			problems.push(
				`${at(entry.line)}theme ${entry.name}: ${quoted(entry.value)} is not a colour (a name such as blue or cyanBright, or #rrggbb); keeping the ${base} theme's`,
			);
			continue;
		}
		for (const style of THEME_ROLES[entry.name as ThemeRole]) spec[style] = {...spec[style], color};
	}
	return {spec, problems};
}
