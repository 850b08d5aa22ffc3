import path from 'node:path';
import type {StoredState} from '../state/stored-state.js';
import {encodeState} from './encode.js';
import {STATE_FILE_NAME} from './location.js';
import {type FileContent, readStateFile} from './read.js';
import {createStateWriter} from './write.js';

// The state file, step by step: read.ts (only a regular file, within a size bound; never throws for
// what sits there) → decode.ts (migrate.ts brings an older schema up to date, recover.ts salvages a
// damaged file after copying it aside) → the state in memory → encode.ts (one entry per line) →
// write.ts (conf replaces the file). A save in the background goes through read-in-slices.ts and
// write-in-slices.ts instead, the same format read and written a piece at a time.
//
// What conf does here: writing a file atomically (temp file beside it, fsync, rename) with mode 0600,
// when a small state is saved at once. It does not read the file, because it would open whatever
// sits at that name and read it to its end, which never comes for a FIFO or /dev/zero. Everything
// else is the store's own: which directory (location.ts, the same XDG rules conf would apply) and
// its 0700 mode, the lock, the file format and its schema versions, backups of damaged files, the
// check that a new file was written whole before it replaces the old one (write.ts), the journal
// and compaction, and the background save's own atomic write, which conf has no way to do without
// holding the event loop (write-in-slices.ts).

export type StateFile = {
	readonly path: string;
	/** Reads and parses the file: one read, one JSON.parse. */
	read(): FileContent;
	/** Encodes `state` and replaces the file with it atomically, once it is known complete; throws otherwise. */
	write(state: StoredState): void;
};

export function openStateFile(dir: string): StateFile {
	const file = path.join(dir, STATE_FILE_NAME);
	const writer = createStateWriter(dir, file);
	return {
		path: file,
		read: () => readStateFile(file),
		write(state) {
			writer.write(encodeState(state));
		},
	};
}
