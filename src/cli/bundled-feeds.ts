import {readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// dist/app.cjs sits one level below the package root, beside feeds/.
const feedsDir = fileURLToPath(new URL('../feeds/', import.meta.url));

const FEED_FILE = /\.(json|rss|atom|xml|rdf)$/i;

/** The sample feeds shipped in feeds/, so a new user sees real content at once. */
export function bundledFeedPaths(): string[] {
	try {
		return readdirSync(feedsDir)
			.filter(name => FEED_FILE.test(name))
			.sort()
			.map(name => path.join(feedsDir, name));
	} catch {
		return [];
	}
}
