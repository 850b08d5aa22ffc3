import type {LoaderSnapshot} from '../../load/loader.js';
import {formatRelativeTime} from '../../present/time-format.js';
import type {ReaderStore} from '../../store/types.js';

/**
 * What the picker says after each feed's name: its unread count, then why its copy is old
 * (a failed refresh) or when it was last refreshed. Keyed by feed title, as the picker's choices are.
 */
export function feedNotes(
	snapshot: LoaderSnapshot,
	sourceIds: readonly string[],
	store: Pick<ReaderStore, 'isRead' | 'feedMeta'>,
	now: number,
): ReadonlyMap<string, string> {
	const notes = new Map<string, string>();
	snapshot.results.forEach((result, index) => {
		if (!result?.ok) return;
		let unread = 0;
		for (const article of result.articles) if (!store.isRead(article.id)) unread++;
		const parts = [`${unread} unread`];
		const refreshed = store.feedMeta(sourceIds[index] ?? '')?.lastRefresh;
		if (result.warnings[0] !== undefined) parts.push(`⚠ ${result.warnings[0]}`);
		else if (refreshed !== undefined) parts.push(`refreshed ${formatRelativeTime(refreshed, now)}`);
		const earlier = notes.get(result.title);
		notes.set(result.title, earlier === undefined ? parts.join(' · ') : earlier);
	});
	return notes;
}
