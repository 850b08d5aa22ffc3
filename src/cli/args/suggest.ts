import {closestMatch} from 'leven';
import {COMMAND_WORDS, VISIBLE_OPTIONS} from './command-table.js';

/** A word that could be a mistyped command: lower-case letters and hyphens, nothing a path would have. */
export function looksLikeCommand(word: string): boolean {
	return /^[a-z][a-z-]*$/.test(word);
}

/** The candidate `typed` was most likely meant as: one it begins, or one a typo or two away. */
function closest(typed: string, candidates: readonly string[]): string | undefined {
	const started = candidates.filter(candidate => candidate.startsWith(typed));
	if (started.length === 1) return started[0];
	return closestMatch(typed, candidates, {maxDistance: typed.length <= 2 ? 1 : 2});
}

/** The command `word` was most likely meant as, if any is close. */
export function suggestCommand(word: string): string | undefined {
	return closest(word, COMMAND_WORDS);
}

/** The option (with its dashes) `typed` (say --jsno or -x) was most likely meant as. */
export function suggestOption(typed: string): string | undefined {
	const name = typed.replace(/^-+/, '').replace(/=.*$/, '');
	if (name.length === 0) return undefined;
	if (!typed.startsWith('--')) {
		const short = VISIBLE_OPTIONS.find(option => option.short === name.toLowerCase());
		if (short) return `-${short.short}`;
	}
	const match = closest(
		name,
		VISIBLE_OPTIONS.map(option => option.name),
	);
	return match === undefined ? undefined : `--${match}`;
}
