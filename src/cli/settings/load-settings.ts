import path from 'node:path';
import {readRegularFile, UnsafeFileError} from '../../load/files/safe-files.js';
import {locator, parseSettings, SETTINGS_FILE_NAME} from '../../present/settings/settings-file.js';
import {readThemeSettings} from '../../present/settings/theme-settings.js';
import {BUILT_IN_THEMES, type ThemeSpec} from '../../present/theme.js';
import {defaultConfigDir} from '../../store/file/location.js';
import {defaultBindings, type KeyBinding} from '../../ui/keys/bindings.js';
import {applyUserKeys} from '../../ui/keys/user-bindings.js';

/** The user's keys and colours, and what was wrong with the file (one line each). */
export type UserSettings = {bindings: readonly KeyBinding[]; themeSpec: ThemeSpec; problems: string[]};

export const DEFAULT_SETTINGS: UserSettings = {bindings: defaultBindings, themeSpec: BUILT_IN_THEMES.dark, problems: []};

// A settings file is a few lines; anything this large is not one.
const MAX_SETTINGS_BYTES = 1_000_000;

export function settingsPath(configDir: string | undefined): string {
	return path.join(configDir ?? defaultConfigDir(), SETTINGS_FILE_NAME);
}

function readText(file: string): {text: string} | {problem: string} | undefined {
	try {
		// Only a regular file of sane size is read: a FIFO or a device here must not hang the start.
		const bytes = readRegularFile(file, MAX_SETTINGS_BYTES);
		return bytes === undefined ? undefined : {text: bytes.toString('utf8')};
	} catch (error) {
		if (error instanceof UnsafeFileError) return {problem: `${error.message}; using the built-in keys and colours`};
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		const reason =
			code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
		return {problem: `could not read ${file}: ${reason}; using the built-in keys and colours`};
	}
}

/**
 * Reads config.toml from the config directory. No file means the built-in keys and colours; a
 * file with mistakes gives whatever of it is right, and a line for each mistake. Never throws.
 */
export function loadSettings(configDir: string | undefined): UserSettings {
	const file = settingsPath(configDir);
	const read = readText(file);
	if (read === undefined) return DEFAULT_SETTINGS;
	if ('problem' in read) return {...DEFAULT_SETTINGS, problems: [read.problem]};
	const parsed = parseSettings(read.text, SETTINGS_FILE_NAME);
	const at = locator(SETTINGS_FILE_NAME);
	const keys = applyUserKeys(defaultBindings, parsed.sections.keys, at);
	const theme = readThemeSettings(parsed.sections.theme, at);
	return {bindings: keys.table, themeSpec: theme.spec, problems: [...parsed.problems, ...keys.problems, ...theme.problems]};
}
