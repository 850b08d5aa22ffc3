import {useCallback, useLayoutEffect, useRef, useState} from 'react';
import type {Article} from '../../core/articles/article.js';
import type {ReaderStore} from '../../store/types.js';
import type {LinkHandlers} from '../links/link-handlers.js';
import {type ReaderAction, step} from './reader-reducer.js';
import {initialReaderState, type ReaderEffect, type ReaderEnv, type ReaderState} from './reader-state.js';

export type ReaderController = {
	state: ReaderState;
	/** Applies one action now; the next call already sees its result. */
	dispatch(action: ReaderAction): void;
	/** The state after every action dispatched so far, rendered or not. */
	current(): ReaderState;
};

/** What the reader asks of the world beyond the store. */
export type ReaderHandlers = {
	quit(): void;
	refresh(article?: Article): void;
	links: LinkHandlers;
};

type Outside = ReaderHandlers & {report(message: string): void};

function perform(effect: ReaderEffect, store: ReaderStore, outside: Outside): void {
	switch (effect.type) {
		case 'markRead':
			store.setRead(effect.article.id, true);
			return;
		case 'toggleRead':
			store.setRead(effect.article.id, !store.isRead(effect.article.id));
			return;
		case 'toggleBookmark':
			store.setBookmark(effect.article, !store.isBookmarked(effect.article.id));
			return;
		case 'refresh':
			outside.refresh(effect.article);
			return;
		case 'openLink':
			void outside.links.open(effect.url).then(
				problem => problem !== null && outside.report(problem),
				(error: unknown) => outside.report(`could not open the link: ${error instanceof Error ? error.message : String(error)}`),
			);
			return;
		case 'copyLink':
			outside.links.copy(effect.url);
			return;
		case 'setReadMany':
			store.setReadMany(effect.ids, effect.read);
			return;
		case 'quit':
			outside.quit();
	}
}

/**
 * The reader state lives in a ref that every dispatch updates synchronously, and React state
 * mirrors it for rendering. Keys arriving in one burst ("j" then Enter before a re-render) each
 * act on the state their predecessors left, and effects (read marks, bookmarks) are computed
 * from that same fresh state, never from a closure over an older render.
 */
export function useReaderState(
	store: ReaderStore,
	env: ReaderEnv,
	handlers: ReaderHandlers,
	initialArticles: readonly Article[] = [],
): ReaderController {
	const [state, setState] = useState(() => initialReaderState(initialArticles));
	const stateRef = useRef(state);
	const envRef = useRef(env);
	const handlersRef = useRef(handlers);
	useLayoutEffect(() => {
		envRef.current = env;
		handlersRef.current = handlers;
	});

	const dispatch = useCallback(
		(action: ReaderAction) => {
			const result = step(stateRef.current, action, envRef.current);
			stateRef.current = result.state;
			setState(result.state);
			const outside: Outside = {...handlersRef.current, report: message => dispatch({type: 'showMessage', message})};
			for (const effect of result.effects) perform(effect, store, outside);
		},
		[store],
	);
	const current = useCallback(() => stateRef.current, []);
	return {state, dispatch, current};
}
