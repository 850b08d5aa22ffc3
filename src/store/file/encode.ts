import {isPlainObject} from '../state/json-checks.js';
import type {StoredState} from '../state/stored-state.js';
import {CURRENT_SCHEMA_VERSION} from './migrate.js';

// The state file is written as valid JSON with exactly one entry (read mark, bookmark, subscription,
// feed's metadata) per line. Compared with conf's default (tab-indented, four lines per read mark) the
// file is about half the size, still readable and diffable, and a partly damaged file loses only the
// lines that were damaged: see recover.ts. The entry maps arrive as Maps (see encodeState), so no
// intermediate object with tens of thousands of keys is built on every write.

/** Strings JSON.stringify would write unchanged between quotes (it escapes `"`, `\`, C0 controls, lone surrogates). */
const NEEDS_NO_ESCAPING = /^[^"\\\u0000-\u001F\uD800-\uDFFF]*$/;

// Article ids are mostly plain URLs; quoting them directly is several times faster than
// JSON.stringify, which matters with 50,000 of them on every compaction.
const quote = (text: string): string => (NEEDS_NO_ESCAPING.test(text) ? `"${text}"` : JSON.stringify(text));

const formatReadMark = (value: unknown): string =>
	isPlainObject(value) && Number.isFinite(value.at) && Number.isFinite(value.seen)
		? `{"at":${value.at as number},"seen":${value.seen as number}}`
		: JSON.stringify(value);

/** Text is handed out in pieces of about this many characters, so each piece is a small step. */
const PIECE_CHARS = 64 * 1024;

/** `head` and then the entries, one per line, as a JSON object. */
function* entryPieces(
	head: string,
	entries: Iterable<[string, unknown]>,
	format: (value: unknown) => string,
): Generator<string, void, undefined> {
	let lines: string[] = [];
	let size = 0;
	let opened = false;
	for (const [id, value] of entries) {
		const line = `\t\t${quote(id)}: ${format(value)}`;
		lines.push(line);
		size += line.length;
		if (size >= PIECE_CHARS) {
			yield `${opened ? ',\n' : `${head}{\n`}${lines.join(',\n')}`;
			opened = true;
			lines = [];
			size = 0;
		}
	}

	if (!opened && lines.length === 0) yield `${head}{}`;
	else yield `${opened ? (lines.length > 0 ? ',\n' : '') : `${head}{\n`}${lines.join(',\n')}\n\t}`;
}

function listText(items: readonly unknown[]): string {
	return items.length === 0 ? '[]' : `[\n${items.map(item => `\t\t${JSON.stringify(item)}`).join(',\n')}\n\t]`;
}

/** The members written one entry per line; any other member is written on one line. */
const KEYED_MEMBERS = new Set(['read', 'bookmarks', 'feedMeta']);

/**
 * The file's text in pieces of bounded size (an entry is never split, so one huge bookmark makes a
 * large piece): a save in the background writes each piece as it comes instead of building the
 * whole text first.
 */
export function* stateTextPieces(value: unknown): Generator<string, void, undefined> {
	if (!isPlainObject(value)) {
		yield JSON.stringify(value);
		return;
	}

	yield '{';
	let separator = '\n';
	for (const key of Object.keys(value)) {
		const member = value[key];
		if (member === undefined) continue;
		const head = `${separator}\t${JSON.stringify(key)}: `;
		separator = ',\n';
		const format = key === 'read' ? formatReadMark : JSON.stringify;
		if (member instanceof Map) yield* entryPieces(head, member as Map<string, unknown>, format);
		else if (KEYED_MEMBERS.has(key) && isPlainObject(member)) yield* entryPieces(head, Object.entries(member), format);
		else if (key === 'subscriptions' && Array.isArray(member)) yield `${head}${listText(member)}`;
		else yield `${head}${JSON.stringify(member)}`;
	}

	yield separator === '\n' ? '\n\n}\n' : '\n}\n';
}

export function formatStateJson(value: unknown): string {
	return [...stateTextPieces(value)].join('');
}

/**
 * The file's shape: `{schemaVersion, read: {id: {at, seen}}, bookmarks: {id: snapshot},
 * subscriptions: [{url, title?, group?}], feedMeta: {url: meta}}`. The entry maps stay Maps, which
 * formatStateJson writes one entry per line.
 */
export function encodeState(state: StoredState, schemaVersion = CURRENT_SCHEMA_VERSION): Record<string, unknown> {
	return {
		schemaVersion,
		read: state.read,
		bookmarks: state.bookmarks,
		subscriptions: [...state.subscriptions.values()],
		feedMeta: state.feedMeta,
	};
}
