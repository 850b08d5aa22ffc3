import {describeError} from './describe-error.js';
import {decodeFile, decodeState} from './file/decode.js';
import {NewerSchemaError} from './file/migrate.js';
import type {FileContent} from './file/read.js';
import {openStateFile, type StateFile} from './file/state-file.js';
import {replayJournals} from './journal.js';
import {createMemoryStore} from './memory-store.js';
import {isPlainObject} from './state/json-checks.js';
import type {ReaderStore} from './types.js';

// State that is shown but never written: changes made meanwhile live in memory only, and the
// files are left exactly as they were.

/** A file from a newer version is shown as far as this version understands it, and never written. */
export function newerFileStore(file: StateFile, content: FileContent, error: NewerSchemaError, now: () => number): ReaderStore {
	const data = content.status === 'ok' && isPlainObject(content.data) ? content.data : {};
	return createMemoryStore(decodeState(data).state, {
		path: file.path,
		notices: [`${file.path} was written by a newer flashnews (state version ${error.found}); changes will not be saved`],
		now,
	});
}

/**
 * A config directory this process may read but not write (a read-only mount, another user's
 * directory): the state file and the journals as they are, without the lock (which cannot be taken
 * there, and without which no other instance can compact there either).
 */
export function openReadOnlyStore(dir: string, reason: unknown, now: () => number): ReaderStore {
	const file = openStateFile(dir);
	const initial = file.read();
	const readOnly = `${dir} is read-only (${describeError(reason)})`;
	if (initial.status === 'unusable') {
		return createMemoryStore(undefined, {path: file.path, notices: [`${readOnly} and ${initial.problem}; changes will not be saved`], now});
	}

	let decoded: ReturnType<typeof decodeFile>;
	try {
		decoded = decodeFile(file.path, initial, now(), {readOnly: true});
	} catch (error) {
		if (error instanceof NewerSchemaError) return newerFileStore(file, initial, error, now);
		throw error;
	}

	const {unusable} = replayJournals(dir, decoded.state);
	const notices = [`${readOnly}: read marks and bookmarks are shown, but changes will not be saved`];
	if (decoded.notice) notices.push(decoded.notice);
	for (const problem of unusable) notices.push(`${problem}; the changes it may hold are not shown`);
	return createMemoryStore(decoded.state, {path: file.path, notices, now});
}
