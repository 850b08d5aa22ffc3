import os from 'node:os';
import path from 'node:path';

/**
 * Where flashnews keeps what it can always fetch or build again: $FLASHNEWS_CACHE_DIR, else
 * $XDG_CACHE_HOME/flashnews, else ~/.cache/flashnews. The XDG spec says a relative path is ignored.
 */
export function cacheBaseDir(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
	if (env.FLASHNEWS_CACHE_DIR) return path.resolve(env.FLASHNEWS_CACHE_DIR);
	const xdg = env.XDG_CACHE_HOME;
	return xdg && path.isAbsolute(xdg) ? path.join(xdg, 'flashnews') : path.join(home, '.cache', 'flashnews');
}

/**
 * The copies of subscribed feeds: under the config directory when one was given (so a test or a
 * second profile keeps everything in one place), else in the cache base directory.
 */
export function feedCacheDir(configDir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	return configDir === undefined ? path.join(cacheBaseDir(env), 'feeds') : path.join(configDir, 'cache', 'feeds');
}
