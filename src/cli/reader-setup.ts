import {createTheme, type Theme} from '../present/theme.js';
import {fixedNowFromEnvironment} from '../present/time-format.js';
import {createKeymap, type Keymap} from '../ui/keys/keymap.js';
import type {UserSettings} from './settings/load-settings.js';

/** What the reader is drawn with, made once from the settings for the first paint and for Ink. */
export type ReaderSetup = {
	theme: Theme;
	keymap: Keymap;
	/** For the status line: mistakes in config.toml. */
	notices: string[];
	/** A clock fixed by FLASHNEWS_NOW, else undefined (the real one). */
	now: number | undefined;
};

/** The status line has room for about one message: with several, it first says how many and where the rest go. */
function settingsNotices(problems: readonly string[]): string[] {
	if (problems.length <= 1) return [...problems];
	return [`${problems.length} mistakes in config.toml, all listed when the reader closes;`, ...problems];
}

export function readerSetup(settings: UserSettings): ReaderSetup {
	return {
		theme: createTheme({spec: settings.themeSpec}),
		keymap: createKeymap(settings.bindings),
		notices: settingsNotices(settings.problems),
		now: fixedNowFromEnvironment(),
	};
}
