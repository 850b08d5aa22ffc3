import path from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * What a subscription is stored as: an http(s) URL as given (trimmed), or a file as an absolute
 * path (a `file:` URL or a path relative to the current directory), so it works from anywhere.
 */
export function subscriptionTarget(arg: string, cwd = process.cwd()): string {
	const trimmed = arg.trim();
	if (/^https?:\/\//i.test(trimmed)) return trimmed;
	if (/^file:\/\//i.test(trimmed)) {
		try {
			return fileURLToPath(trimmed);
		} catch {
			// Not a local file URL: treated as a path, which the check below will report.
		}
	}
	return path.resolve(cwd, arg);
}

export function isWebAddress(target: string): boolean {
	return /^https?:\/\//i.test(target);
}
