import type {Article} from '../../core/articles/article.js';
import {type ArticleFilter, filterKey} from '../../core/search/article-filter.js';
import {createSearch, queryTerms, type Search} from '../../core/search/search.js';
import {type SortOrder, type ViewScope, viewArticles} from '../views/view-state.js';
import {LIST, type ReaderEnv, type ReaderState, selectedArticle} from './reader-state.js';

/** What changed: new articles, another view, a new query; `fresh` chooses the same view again. */
export type ViewChange = {
	all?: readonly Article[];
	scope?: ViewScope;
	filter?: ArticleFilter;
	sort?: SortOrder;
	query?: string;
	fresh?: boolean;
};

/**
 * Where the selection goes when the list changes. 'keep': on the same article if it is still
 * listed, else the top. 'top': the first article (a new query). 'settle': for articles arriving,
 * the same article if still listed, else the same row; a selection on the top row stays on top.
 */
export type SelectionRule = 'keep' | 'top' | 'settle';

// Without a search from the environment (reducer tests), each list gets one built on the spot.
const builtSearches = new WeakMap<readonly Article[], Search>();

function searchNow(articles: readonly Article[], query: string): readonly Article[] {
	let search = builtSearches.get(articles);
	if (search === undefined) {
		search = createSearch(articles);
		builtSearches.set(articles, search);
	}
	return search.run(query);
}

function sameView(state: ReaderState, scope: ViewScope, filter: ArticleFilter, sort: SortOrder): boolean {
	return scope === state.scope && sort === state.sort && filterKey(filter) === filterKey(state.filter);
}

function baseFor(state: ReaderState, change: ViewChange, env: ReaderEnv): readonly Article[] {
	const all = change.all ?? state.all;
	const {scope = state.scope, filter = state.filter, sort = state.sort} = change;
	const unchanged = sameView(state, scope, filter, sort) && change.fresh !== true;
	if (unchanged && (change.all === undefined || scope === 'saved')) return state.base;
	// The unread view keeps what it listed until it is chosen afresh.
	const keeps = scope === 'unread' && state.scope === 'unread' && change.fresh !== true;
	return viewArticles(all, {scope, filter, sort}, env, keeps ? new Set(state.base.map(article => article.id)) : undefined);
}

function cursorFor(state: ReaderState, visible: readonly Article[], rule: SelectionRule): number {
	if (rule === 'top' || visible.length === 0) return 0;
	if (rule === 'settle' && state.cursor === 0 && state.screen.kind === 'list') return 0;
	const selectedId = selectedArticle(state)?.id;
	const index = selectedId === undefined ? -1 : visible.findIndex(article => article.id === selectedId);
	if (index !== -1) return index;
	return rule === 'settle' ? Math.min(state.cursor, visible.length - 1) : 0;
}

/**
 * The list after a change of articles, view or query: the view's articles, narrowed by the query.
 * While the search index is still being built the list stays as it was, marked pending.
 */
export function refreshView(state: ReaderState, change: ViewChange, env: ReaderEnv, rule: SelectionRule): ReaderState {
	const base = baseFor(state, change, env);
	const query = change.query ?? state.search.query;
	let visible = base;
	let pending = false;
	if (queryTerms(query).length > 0) {
		const found = env.search === undefined ? searchNow(base, query) : env.search(base, query);
		pending = found === undefined;
		visible = found ?? state.visible;
	}
	const cursor = pending ? Math.min(state.cursor, Math.max(0, visible.length - 1)) : cursorFor(state, visible, rule);
	const lost = state.screen.kind === 'detail' && visible[cursor]?.id !== selectedArticle(state)?.id;
	return {
		...state,
		all: change.all ?? state.all,
		scope: change.scope ?? state.scope,
		filter: change.filter ?? state.filter,
		sort: change.sort ?? state.sort,
		base,
		visible,
		search: {query, pending},
		cursor,
		screen: lost ? LIST : state.screen,
	};
}
