import os from 'node:os';
import path from 'node:path';

/** --config-dir wins over $FLASHNEWS_CONFIG_DIR; undefined means the store's XDG default. */
export function resolveConfigDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
	const chosen = flag ?? (env.FLASHNEWS_CONFIG_DIR || undefined);
	return chosen === undefined ? undefined : path.resolve(chosen);
}

/** Where the state lives: an absolute directory, or why there is none. */
export type StateDir = {ok: true; dir: string} | {ok: false; problem: string};

export type Platform = {
	env: NodeJS.ProcessEnv;
	platform: NodeJS.Platform;
	/** $HOME as Node reads it (may be empty or relative). */
	home: string;
	/** The home directory of the user account, from the system's user database. */
	accountHome(): string | undefined;
};

const thisMachine: Platform = {
	env: process.env,
	platform: process.platform,
	home: os.homedir(),
	accountHome() {
		try {
			return os.userInfo().homedir;
		} catch {
			return undefined;
		}
	},
};

function absolute(value: string | undefined): string | undefined {
	return value && path.isAbsolute(value) ? value : undefined;
}

/**
 * The directory for the state: the one given (`configDir`, from resolveConfigDir), else the
 * platform's config directory for flashnews, the same as conf would choose. Only absolute paths
 * count: the XDG Base Directory spec says a relative $XDG_CONFIG_HOME is to be ignored, and an
 * empty or relative $HOME is passed over for the account's home directory; with neither, there is
 * nowhere to keep the state (rather than the current directory, wherever that happens to be).
 */
export function chooseStateDir(configDir: string | undefined, machine: Platform = thisMachine): StateDir {
	if (configDir !== undefined) return {ok: true, dir: path.resolve(configDir)};
	const {env} = machine;
	const home = absolute(machine.home) ?? absolute(machine.accountHome());
	if (machine.platform === 'win32') {
		const appData = absolute(env.APPDATA) ?? (home && path.join(home, 'AppData', 'Roaming'));
		if (appData) return {ok: true, dir: path.join(appData, 'flashnews', 'Config')};
	} else if (machine.platform === 'darwin') {
		if (home) return {ok: true, dir: path.join(home, 'Library', 'Preferences', 'flashnews')};
	} else {
		const base = absolute(env.XDG_CONFIG_HOME) ?? (home && path.join(home, '.config'));
		if (base) return {ok: true, dir: path.join(base, 'flashnews')};
	}
	return {
		ok: false,
		problem: 'no home directory to keep read marks and bookmarks in (set HOME or use --config-dir); changes will not be saved',
	};
}
