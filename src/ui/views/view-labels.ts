import {filterLabel} from '../../core/search/article-filter.js';
import {queryTerms} from '../../core/search/search.js';
import type {ReaderState} from '../reader/reader-state.js';
import type {ViewSettings} from './view-state.js';

const count = (n: number) => n.toLocaleString('en-US');

/** The header's account of a search, e.g. "search: ferry · 12 of 2,400"; '' when there is none. */
export function searchLabel(state: Pick<ReaderState, 'search' | 'visible' | 'base'>): string {
	const {query, pending} = state.search;
	if (queryTerms(query).length === 0) return '';
	const shown = query.trim();
	if (pending) return `search: ${shown} · searching…`;
	return `search: ${shown} · ${count(state.visible.length)} of ${count(state.base.length)}`;
}

/** What the list says when a view or a search leaves it empty. */
export function emptyListText(state: Pick<ReaderState, 'search' | 'scope' | 'all'>, loading: boolean): string {
	if (queryTerms(state.search.query).length > 0) return `Nothing matches “${state.search.query.trim()}”. Esc clears the search.`;
	if (state.scope === 'saved') return 'No saved articles: b saves the selected one.';
	if (state.scope === 'unread' && state.all.length > 0) return 'No unread articles.';
	return loading ? 'Loading…' : 'No articles.';
}

/**
 * The header's name for a view, e.g. "Unread · Flash News · by feed". `everything` names the
 * whole of it (the feed's title, or "4 feeds").
 */
export function viewLabel(settings: ViewSettings, everything: string): string {
	const parts: string[] = [];
	if (settings.scope === 'unread') parts.push('Unread');
	if (settings.scope === 'saved') parts.push('Saved');
	if (settings.filter.kind !== 'all') parts.push(filterLabel(settings.filter));
	if (parts.length === 0) parts.push(everything);
	if (settings.sort === 'feed') parts.push('by feed');
	return parts.join(' · ');
}
