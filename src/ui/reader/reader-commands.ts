import type {ReaderCommand} from '../keys/bindings.js';
import {only, openAt, type ReaderEnv, type ReaderState, type StepResult, selectedArticle} from './reader-state.js';

/** The first unread article after (or before) the cursor, wrapping around at the end (the current one last). */
function unreadIndex(state: ReaderState, env: ReaderEnv, direction: 1 | -1): number | undefined {
	const count = state.visible.length;
	for (let offset = 1; offset <= count; offset++) {
		const index = (((state.cursor + direction * offset) % count) + count) % count;
		const article = state.visible[index];
		if (article !== undefined && !env.isRead(article.id)) return index;
	}
	return undefined;
}

function goToUnread(state: ReaderState, env: ReaderEnv, direction: 1 | -1): StepResult {
	const index = unreadIndex(state, env, direction);
	if (index === undefined) return only({...state, message: 'no unread articles'});
	return state.screen.kind === 'detail' ? openAt(state, index) : only({...state, cursor: index});
}

/** Commands that work alike in the list and the article: they act on the selected article. */
export function readerCommand(state: ReaderState, command: ReaderCommand, env: ReaderEnv): StepResult {
	const article = selectedArticle(state);
	switch (command) {
		case 'toggleBookmark':
			return {state, effects: article === undefined ? [] : [{type: 'toggleBookmark', article}]};
		case 'toggleRead':
			return {state, effects: article === undefined ? [] : [{type: 'toggleRead', article}]};
		case 'nextUnread':
			return goToUnread(state, env, 1);
		case 'previousUnread':
			return goToUnread(state, env, -1);
		case 'refreshFeed':
			return {state, effects: article === undefined ? [] : [{type: 'refresh', article}]};
		case 'refreshAll':
			return {state, effects: [{type: 'refresh'}]};
		case 'help':
			return only({...state, overlay: state.overlay.kind === 'help' ? {kind: 'none'} : {kind: 'help', page: 0}});
	}
}
