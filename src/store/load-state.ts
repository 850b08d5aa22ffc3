import fs from 'node:fs';
import {migrate, NewerSchemaError} from './migrations.js';
import {recoverState} from './recover-state.js';
import type {FileContent} from './state-file.js';
import {decodeState, emptyStoredState, isPlainObject, type StoredState} from './stored-state.js';

export type LoadedState = {
	state: StoredState;
	/** The file should be rewritten: it was migrated, or damaged and recovered. */
	needsWrite: boolean;
	/** One line for the user when something in the file was damaged. */
	notice?: string;
};

/** `2026-11-25T23-59-00Z`: an ISO time that is also a portable file name. */
function fileStamp(time: number): string {
	return new Date(time).toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
}

/** Copies the file byte for byte to `<file>.corrupt-<time>` (never overwriting an older backup). */
export function backUpDamagedFile(file: string, time: number): string {
	const base = `${file}.corrupt-${fileStamp(time)}`;
	for (let attempt = 1; ; attempt++) {
		const backup = attempt === 1 ? base : `${base}-${attempt}`;
		try {
			fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
			fs.chmodSync(backup, 0o600);
			return backup;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
}

function counted(state: StoredState): string {
	return `${state.read.size} read mark${state.read.size === 1 ? '' : 's'} and ${state.bookmarks.size} bookmark${state.bookmarks.size === 1 ? '' : 's'}`;
}

/** A file whose schemaVersion makes no sense is treated as damaged; one from a newer version is not. */
function migrateOrUndefined(raw: Record<string, unknown>, now: number): ReturnType<typeof migrate> | undefined {
	try {
		return migrate(raw, now);
	} catch (error) {
		if (error instanceof NewerSchemaError) throw error;
		return undefined;
	}
}

/**
 * Turns what conf read into state. A damaged file is never dropped silently: it is copied aside first,
 * whatever can be salvaged is kept, and the notice says where the original is. The caller rewrites
 * the file, atomically, right after. Throws NewerSchemaError for a file from a newer version.
 */
export function loadState(file: string, content: FileContent, now: number): LoadedState {
	if (content.status === 'missing') return {state: emptyStoredState(), needsWrite: false};
	const raw = content.status === 'ok' && isPlainObject(content.data) ? content.data : undefined;
	if (raw && Object.keys(raw).length === 0) return {state: emptyStoredState(), needsWrite: false};
	const migration = raw && migrateOrUndefined(raw, now);
	if (migration) {
		const {state, dropped} = decodeState(migration.data);
		if (dropped === 0) return {state, needsWrite: migration.migrated};
		const backup = backUpDamagedFile(file, now);
		return {
			state,
			needsWrite: true,
			notice: `${dropped} unreadable entr${dropped === 1 ? 'y' : 'ies'} in ${file} were skipped; the original file is kept at ${backup}`,
		};
	}

	const backup = backUpDamagedFile(file, now);
	const state = recoverState(content.status === 'corrupt' ? content.text : JSON.stringify(content.data));
	return {
		state,
		needsWrite: true,
		notice: `${file} was damaged: recovered ${counted(state)}; the original file is kept at ${backup}`,
	};
}
