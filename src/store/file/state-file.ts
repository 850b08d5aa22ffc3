import Conf from 'conf';
import type {StoredState} from '../state/stored-state.js';
import {encodeState} from './encode.js';
import {createFileReader, type FileContent} from './read.js';
import {createStateWriter} from './write.js';

// The state file, step by step: read.ts (conf reads the text; never throws) → decode.ts (migrate.ts
// brings an older schema up to date, recover.ts salvages a damaged file after copying it aside) →
// the state in memory → encode.ts (one entry per line) → write.ts (conf replaces the file).
//
// What conf does here: the file's name inside the directory it is given (`<dir>/config.json`), reading
// it, and writing a file atomically (temp file beside it, fsync, rename) with mode 0600. Everything
// else is the store's own: which directory (location.ts, the same XDG rules conf would apply) and
// its 0700 mode, the lock, the file format and its schema versions, backups of damaged files, the
// check that a new file was written whole before it replaces the old one (write.ts), the journal
// and compaction. conf's migrations, schema validation, dot paths and clearing of invalid files are
// not used.

export type StateFile = {
	readonly path: string;
	/** What conf read while it was being created, so opening parses the file only once. Returned once. */
	takeInitial(): FileContent;
	/** Reads and parses the file through conf: one read, one JSON.parse. */
	read(): FileContent;
	/** Encodes `state` and replaces the file with it atomically, once it is known complete; throws otherwise. */
	write(state: StoredState): void;
};

export function openStateFile(dir: string): StateFile {
	const reader = createFileReader();
	const conf = new Conf<Record<string, unknown>>({
		projectName: 'flashnews',
		projectSuffix: '',
		cwd: dir,
		configName: 'config',
		clearInvalidConfig: false,
		configFileMode: 0o600,
		accessPropertiesByDotNotation: false,
		// This instance only reads; the file is replaced through write.ts, which checks what was written.
		serialize: () => {
			throw new Error('the state file is written through createStateWriter');
		},
		deserialize: reader.parse,
	});
	let initial: FileContent | undefined = reader.take();
	const writer = createStateWriter(dir, conf.path);

	return {
		path: conf.path,
		takeInitial() {
			const content = initial ?? {status: 'missing'};
			initial = undefined;
			return content;
		},
		read() {
			reader.take();
			void conf.store;
			return reader.take();
		},
		write(state) {
			writer.write(encodeState(state));
		},
	};
}
