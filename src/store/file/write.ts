import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {isPlainObject} from '../state/json-checks.js';
import {formatStateJson} from './encode.js';
import {STAGING_CONFIG_NAME} from './location.js';

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

/**
 * Replaces `target` with the encoded state, never with less. conf writes the file atomically under a
 * staging name (temp file, fsync, rename; mode 0600); that is renamed over `target` only once its
 * length is checked, because conf's write issues one write() and renames what it wrote even when a
 * nearly full disk took only part of it. Until then `target` (and the journals, which the caller
 * removes after) stay as they were. Call with the state lock held.
 */
export function createStateWriter(dir: string, target: string): {write(encoded: Record<string, unknown>): void} {
	let expectedBytes = 0;
	// Created at the first write, with the lock held: conf reads its file when created.
	let staging: Conf<Record<string, unknown>> | undefined;
	const stagingPath = path.join(dir, `${STAGING_CONFIG_NAME}.json`);
	return {
		write(encoded) {
			// With the lock held nothing of ours is there; whatever is (a link, a FIFO) would be followed
			// or read by conf, which reads the file when created and writes through a link's target.
			fs.rmSync(stagingPath, {force: true});
			staging ??= new Conf<Record<string, unknown>>({
				projectName: 'flashnews',
				projectSuffix: '',
				cwd: dir,
				configName: STAGING_CONFIG_NAME,
				clearInvalidConfig: false,
				configFileMode: 0o600,
				accessPropertiesByDotNotation: false,
				serialize(value) {
					const text = serialize(value);
					expectedBytes = Buffer.byteLength(text);
					return text;
				},
				deserialize: () => ({}),
			});
			// conf's `store` setter re-reads and re-parses the file to carry its bookkeeping key over,
			// unless the new value has that key: an empty one saves that, and serialize() leaves it out.
			staging.store = {[CONF_INTERNAL_KEY]: {}, ...encoded};
			const stats = fs.lstatSync(stagingPath);
			if (!stats.isFile()) throw new Error(`${stagingPath} was replaced while it was being written`);
			const written = stats.size;
			if (written !== expectedBytes) {
				fs.rmSync(stagingPath, {force: true});
				throw new Error(`the disk is full (${written} of ${expectedBytes} bytes written)`);
			}

			fs.renameSync(stagingPath, target);
		},
	};
}
