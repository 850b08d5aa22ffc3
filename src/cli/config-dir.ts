import path from 'node:path';

/** --config-dir wins over $FLASHNEWS_CONFIG_DIR; undefined means the store's XDG default. */
export function resolveConfigDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
	const chosen = flag ?? (env.FLASHNEWS_CONFIG_DIR || undefined);
	return chosen === undefined ? undefined : path.resolve(chosen);
}
