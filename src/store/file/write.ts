import type Conf from 'conf';
import {isPlainObject} from '../state/json-checks.js';
import {formatStateJson} from './encode.js';

/** conf keeps its own bookkeeping under this key; flashnews does not use it. */
const CONF_INTERNAL_KEY = '__internal__';

/** conf's serializer: our format, minus the empty bookkeeping key that writeThroughConf hands to conf. */
export function serializeForConf(value: Record<string, unknown>): string {
	const internal = value[CONF_INTERNAL_KEY];
	if (isPlainObject(internal) && Object.keys(internal).length === 0) {
		const {[CONF_INTERNAL_KEY]: _omitted, ...rest} = value;
		return formatStateJson(rest);
	}

	return formatStateJson(value);
}

/** Replaces the file with `encoded` through conf (temp file, fsync, rename), mode 0600. */
export function writeThroughConf(conf: Conf<Record<string, unknown>>, encoded: Record<string, unknown>): void {
	// conf's `store` setter re-reads and re-parses the whole file to carry its bookkeeping key over,
	// unless the new value has that key: an empty one saves a parse of a multi-megabyte file on every
	// compaction, and serializeForConf() leaves it out of the file.
	conf.store = {[CONF_INTERNAL_KEY]: {}, ...encoded};
}
