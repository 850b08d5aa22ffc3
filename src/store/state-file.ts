import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import Conf from 'conf';
import {formatStateJson} from './state-format.js';
import {isPlainObject} from './stored-state.js';

export type FileContent =
	| {status: 'missing'}
	| {status: 'ok'; data: unknown}
	| {status: 'corrupt'; text: string};

export type StateFile = {
	readonly path: string;
	/** What conf read while it was being created, so opening parses the file only once. Returned once. */
	takeInitial(): FileContent;
	/** Reads and parses the file through conf: one read, one JSON.parse. */
	read(): FileContent;
	/** Replaces the file atomically through conf (temp file, fsync, rename), mode 0600. */
	write(data: Record<string, unknown>): void;
};

/**
 * Where conf puts the file for `projectName: 'flashnews', projectSuffix: ''` (env-paths' config dir:
 * `$XDG_CONFIG_HOME/flashnews` or `~/.config/flashnews` on Linux). Worked out here rather than by
 * conf because the directory must be created 0700 and locked before conf reads the file.
 */
export function defaultConfigDir(): string {
	const home = os.homedir();
	const {env} = process;
	if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'flashnews');
	if (process.platform === 'win32') {
		return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'flashnews', 'Config');
	}

	return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'flashnews');
}

/** conf keeps its own bookkeeping under this key; flashnews does not use it. */
const CONF_INTERNAL_KEY = '__internal__';

/** Our format, minus the empty bookkeeping key that write() hands to conf (see there). */
function serialize(value: Record<string, unknown>): string {
	const internal = value[CONF_INTERNAL_KEY];
	if (isPlainObject(internal) && Object.keys(internal).length === 0) {
		const {[CONF_INTERNAL_KEY]: _omitted, ...rest} = value;
		return formatStateJson(rest);
	}

	return formatStateJson(value);
}

export function openStateFile(dir: string): StateFile {
	// conf is given a deserializer that never throws: a damaged file is reported to us (as `corrupt`)
	// and conf sees an empty object, so conf can neither crash the app nor clear the file on its own.
	// clearInvalidConfig stays false on purpose, as a second guard. The deserializer also keeps what
	// it parsed, because conf hands back only a shallow copy of objects and nothing at all otherwise.
	let last: FileContent | undefined;
	const parse = (text: string): Record<string, unknown> => {
		try {
			last = {status: 'ok', data: JSON.parse(text) as unknown};
		} catch {
			last = {status: 'corrupt', text};
			return {};
		}

		return isPlainObject(last.data) ? last.data : {};
	};

	const conf = new Conf<Record<string, unknown>>({
		projectName: 'flashnews',
		projectSuffix: '',
		cwd: dir,
		configName: 'config',
		clearInvalidConfig: false,
		configFileMode: 0o600,
		accessPropertiesByDotNotation: false,
		serialize,
		deserialize: parse,
	});
	// (TypeScript cannot see that conf calls `parse`, so `last` is read through a function.)
	const lastContent = (): FileContent => last ?? {status: 'missing'};
	let initial: FileContent | undefined = lastContent();
	last = undefined;

	return {
		path: conf.path,
		takeInitial() {
			const content = initial ?? {status: 'missing'};
			initial = undefined;
			return content;
		},
		read() {
			last = undefined;
			void conf.store;
			const content = lastContent();
			last = undefined;
			return content;
		},
		write(data) {
			// conf's `store` setter re-reads and re-parses the whole file to carry its bookkeeping key
			// over, unless the new value has that key: an empty one saves a parse of a multi-megabyte
			// file on every compaction, and serialize() leaves it out of the file.
			conf.store = {[CONF_INTERNAL_KEY]: {}, ...data};
		},
	};
}
