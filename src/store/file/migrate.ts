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
		return {...data, schemaVersion: 2, subscriptions: data.subscriptions ?? [], feedMeta: data.feedMeta ?? {}};
	},
};

export class NewerSchemaError extends Error {
	constructor(readonly found: number) {
		super(`it was written by a newer flashnews (state version ${found}, this one knows up to ${CURRENT_SCHEMA_VERSION})`);
	}
}

/** A file that is not exactly one of the known versions: the caller keeps it aside and recovers what it can. */
export class UnknownSchemaError extends Error {}

/** Version 0 is known by its shape: lists where later versions have keyed objects. */
const hasVersion0Shape = (data: Record<string, unknown>): boolean =>
	(data.read === undefined || Array.isArray(data.read)) && (data.bookmarks === undefined || Array.isArray(data.bookmarks));

/**
 * The file's schema version. No key means version 0 only when the file has that version's shape: a
 * later file whose key was deleted (one `jq` edit away) would otherwise be migrated into emptiness.
 */
export function schemaVersionOf(data: Record<string, unknown>): number {
	const version = data.schemaVersion === undefined ? 0 : data.schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
		throw new UnknownSchemaError(`has state version ${JSON.stringify(version)}, which is not a whole number`);
	}

	if (version === 0 && !hasVersion0Shape(data)) {
		throw new UnknownSchemaError(
			data.schemaVersion === undefined ? 'has no state version' : 'says state version 0 but is not in its shape',
		);
	}

	return version;
}

/**
 * Brings file data up to the current shape. `migrated` tells the caller to rewrite the file.
 * Throws NewerSchemaError for a file this version must not touch, UnknownSchemaError for one whose
 * version it cannot tell.
 */
export function migrate(data: Record<string, unknown>, now: number): {data: Record<string, unknown>; migrated: boolean} {
	let version = schemaVersionOf(data);
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
