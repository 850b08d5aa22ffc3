import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/** The state file's name inside the config directory (conf's `configName` + `.json`). */
export const STATE_FILE_NAME = 'config.json';
/** conf's `configName` for the new state file before it is known complete (see write.ts). */
export const STAGING_CONFIG_NAME = 'config.next';

/**
 * Where conf would put the file for `projectName: 'flashnews', projectSuffix: ''` (env-paths' config
 * dir: `$XDG_CONFIG_HOME/flashnews` or `~/.config/flashnews` on Linux). Worked out here rather than by
 * conf because the directory must be created 0700 and locked before conf reads the file.
 */
export function defaultConfigDir(): string {
	const home = os.homedir();
	const {env} = process;
	if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'flashnews');
	if (process.platform === 'win32') {
		return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'flashnews', 'Config');
	}

	return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'flashnews');
}

/** Creates the directory if needed: XDG asks for 0700 on directories it makes; an existing one is left as the user set it. */
export function ensureConfigDir(dir: string): void {
	if (!fs.existsSync(dir)) fs.mkdirSync(dir, {recursive: true, mode: 0o700});
}

/**
 * Removes what state-file writes killed half-way left (conf and write-in-slices.ts write through a
 * temp file and a rename, and no clean-up runs after kill -9; a file not renamed yet is only a copy
 * of what the journals still hold). Only with the lock held: then no write is in progress.
 */
export function removeAbandonedTempFiles(dir: string): void {
	const staging = `${STAGING_CONFIG_NAME}.json`;
	for (const name of fs.readdirSync(dir)) {
		if (name.startsWith(`${STATE_FILE_NAME}.tmp-`) || name === staging || name.startsWith(`${staging}.tmp-`)) {
			fs.rmSync(path.join(dir, name), {force: true});
		}
	}
}
