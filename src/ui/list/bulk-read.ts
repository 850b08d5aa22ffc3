import {only, type ReaderEffect, type ReaderEnv, type ReaderState, type StepResult} from '../reader/reader-state.js';

/** The articles the last "mark the view read" changed: what `u` marks unread again. */
export type BulkChange = {ids: readonly string[]};

function count(n: number): string {
	return `${n.toLocaleString('en-US')} ${n === 1 ? 'article' : 'articles'}`;
}

/** `A`: every unread article in the view (search included) becomes read, remembered for one undo. */
export function markViewRead(state: ReaderState, env: ReaderEnv): StepResult {
	const ids = state.visible.filter(article => !env.isRead(article.id)).map(article => article.id);
	if (ids.length === 0) return only({...state, message: 'every article here is read already'});
	return {
		state: {...state, undo: {ids}, message: `marked ${count(ids.length)} read · u undoes`},
		effects: [{type: 'setReadMany', ids, read: true}],
	};
}

/** `u`: the last bulk change undone, once. */
export function undoMarkRead(state: ReaderState): StepResult {
	const {undo} = state;
	if (undo === null) return only({...state, message: 'nothing to undo'});
	return {
		state: {...state, undo: null, message: `marked ${count(undo.ids.length)} unread again`},
		effects: [{type: 'setReadMany', ids: undo.ids, read: false}],
	};
}

/** Whether these effects change a read mark other than by a bulk change, which ends the undo. */
export function changesReadMarks(effects: readonly ReaderEffect[], env: ReaderEnv): boolean {
	return effects.some(effect => effect.type === 'toggleRead' || (effect.type === 'markRead' && !env.isRead(effect.article.id)));
}
