import {isPlainObject} from '../state/json-checks.js';

// Why our own `schemaVersion` key instead of conf's `projectVersion` + `migrations`: conf 15 runs its
// migration machinery on every open, which reads and parses the whole file three times and
// structuredClone()s it once even when nothing needs migrating (tens of ms at 50,000 read ids), and it
// keys migrations to the app's semver, so running an older flashnews after a newer one rewrites the
// recorded version downwards and makes the newer one re-run its migrations. A plain integer in the
// file costs nothing to check and makes "written by a newer version" detectable.

export const CURRENT_SCHEMA_VERSION = 2;

type Migration = (data: Record<string, unknown>, now: number) => Record<string, unknown>;

/** `migrations[n]` turns a version n - 1 file into version n. */
const migrations: Record<number, Migration> = {
	// Version 0 (before schemaVersion existed) kept read ids as a plain list and bookmarks as a list
	// of snapshots. Read marks get the migration time as both "read at" and "last seen".
	1(data, now) {
		const read: Record<string, {at: number; seen: number}> = Object.create(null) as Record<string, {at: number; seen: number}>;
		if (Array.isArray(data.read)) {
			for (const id of data.read) if (typeof id === 'string') read[id] = {at: now, seen: now};
		}

		const bookmarks: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
		if (Array.isArray(data.bookmarks)) {
			for (const snapshot of data.bookmarks) {
				if (isPlainObject(snapshot) && typeof snapshot.id === 'string') {
					bookmarks[snapshot.id] = {savedAt: now, ...snapshot};
				}
			}
		}

		return {...data, schemaVersion: 1, read, bookmarks};
	},
	// Version 2 adds the subscriptions (an ordered list) and each feed's fetch metadata.
	2(data) {
		return {...data, schemaVersion: 2, subscriptions: [], feedMeta: {}};
	},
};

export class NewerSchemaError extends Error {
	constructor(readonly found: number) {
		super(`it was written by a newer flashnews (state version ${found}, this one knows up to ${CURRENT_SCHEMA_VERSION})`);
	}
}

/** The file's schema version: a missing key means version 0. */
export function schemaVersionOf(data: Record<string, unknown>): number {
	const version = data.schemaVersion;
	if (version === undefined) return 0;
	return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : Number.NaN;
}

/**
 * Brings file data up to the current shape. `migrated` tells the caller to rewrite the file.
 * Throws NewerSchemaError for a file this version must not touch.
 */
export function migrate(data: Record<string, unknown>, now: number): {data: Record<string, unknown>; migrated: boolean} {
	let version = schemaVersionOf(data);
	if (Number.isNaN(version)) throw new TypeError(`schemaVersion is not a whole number: ${JSON.stringify(data.schemaVersion)}`);
	if (version > CURRENT_SCHEMA_VERSION) throw new NewerSchemaError(version);
	let current = data;
	while (version < CURRENT_SCHEMA_VERSION) {
		version++;
		const step = migrations[version];
		if (!step) throw new Error(`no migration to state version ${version}`);
		current = step(current, now);
	}

	return {data: current, migrated: current !== data};
}
