import type {FeedResult} from '../core/articles/article.js';
import {warn} from './output.js';

/** One stderr line per failed source and per warning (items skipped, limits hit, a stale copy) of the others. */
export function reportProblems(results: readonly FeedResult[]): void {
	for (const result of results) {
		if (!result.ok) warn(`${result.source}: ${result.error}`);
		else for (const warning of result.warnings) warn(`${result.source}: ${warning}`);
	}
}
