import {printJson, printPlain} from '../print-articles.js';
import type {CommandContext, ExitStatus} from './context.js';

/** `flashnews bookmarks`: the saved articles' snapshots, newest saved first. */
export function bookmarksCommand({args, store}: CommandContext): ExitStatus {
	const saved = store.bookmarks();
	if (args.json) printJson(saved, store);
	else printPlain(saved);
	return 0;
}
