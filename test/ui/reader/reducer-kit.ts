// Driving the reader's reducer without rendering: load articles, press commands, type, read marks.
import type {Article} from '../../../src/core/articles/article.js';
import type {CommandId} from '../../../src/ui/keys/bindings.js';
import {type ReaderAction, step} from '../../../src/ui/reader/reader-reducer.js';
import {initialReaderState, type ReaderEffect, type ReaderEnv, type ReaderState} from '../../../src/ui/reader/reader-state.js';

/** An environment whose read marks and bookmarks change as the effects say, like the store. */
export function worldOf(options: {read?: Iterable<string>; bookmarks?: Article[]; search?: ReaderEnv['search']} = {}) {
	const read = new Set(options.read);
	const bookmarks = [...(options.bookmarks ?? [])];
	const env: ReaderEnv = {
		listRows: 5,
		detailRows: 4,
		detailLineCount: () => 10,
		isRead: id => read.has(id),
		bookmarks: () => bookmarks,
		...(options.search === undefined ? {} : {search: options.search}),
	};
	const effects: ReaderEffect[] = [];
	const perform = (effect: ReaderEffect) => {
		effects.push(effect);
		if (effect.type === 'markRead') read.add(effect.article.id);
		if (effect.type === 'toggleRead') {
			if (read.has(effect.article.id)) read.delete(effect.article.id);
			else read.add(effect.article.id);
		}
		if (effect.type === 'setReadMany') for (const id of effect.ids) effect.read ? read.add(id) : read.delete(id);
		if (effect.type === 'toggleBookmark') {
			const at = bookmarks.findIndex(saved => saved.id === effect.article.id);
			if (at === -1) bookmarks.unshift(effect.article);
			else bookmarks.splice(at, 1);
		}
	};
	const dispatch = (state: ReaderState, action: ReaderAction): ReaderState => {
		const result = step(state, action, env);
		for (const effect of result.effects) perform(effect);
		return result.state;
	};
	return {
		env,
		read,
		bookmarks,
		effects,
		dispatch,
		load: (articles: readonly Article[]) => dispatch(initialReaderState(), {type: 'articlesChanged', articles}),
		/** Commands by name and `{type: 'searchType'}` text as plain strings prefixed with "type:". */
		run(state: ReaderState, ...inputs: Array<CommandId | `type:${string}`>): ReaderState {
			return inputs.reduce(
				(current, input) =>
					input.startsWith('type:')
						? dispatch(current, {type: 'searchType', text: input.slice(5)})
						: dispatch(current, {type: 'command', command: input as CommandId}),
				state,
			);
		},
	};
}

export const idsOf = (articles: readonly Article[]) => articles.map(article => article.id);
