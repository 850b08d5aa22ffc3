import type {Locate, SettingsEntry} from '../../present/settings/settings-file.js';
import type {CommandId, KeyBinding} from './bindings.js';
import {isNamedKey, type KeyStroke, keyLabel, NAMED_KEYS} from './key-names.js';
import {bindingsFor} from './keymap.js';

// Names people write for keys the table calls otherwise.
const KEY_ALIASES: Record<string, KeyStroke> = {enter: 'return', esc: 'escape', pgup: 'pageup', pgdn: 'pagedown', pgdown: 'pagedown'};

/** A key as a user writes it: one character as is ('G' is not 'g'), a key name in any case ('Esc', 'PageDown'). */
export function readKey(text: string): KeyStroke | undefined {
	if ([...text].length === 1) return text === ' ' ? 'space' : text;
	const name = text.trim().toLowerCase();
	const key = KEY_ALIASES[name] ?? name;
	return isNamedKey(key) ? key : undefined;
}

function labels(keys: readonly KeyStroke[]): string {
	return keys.map(keyLabel).join(' ');
}

type UserEntry = {command: CommandId; keys: KeyStroke[]; line: number | undefined};

/** One [keys] entry checked: a known command and one key or a list of keys, every one known. */
function readEntry(entry: SettingsEntry, table: readonly KeyBinding[], at: Locate): UserEntry | string {
	const binding = table.find(candidate => candidate.command === entry.name);
	if (binding === undefined) {
		const near = table.find(candidate => candidate.command.toLowerCase() === entry.name.toLowerCase());
		return `${at(entry.line)}"${entry.name}" is not a command${near ? `; did you mean ${near.command}?` : ' (README, "Make it yours", lists them)'}`;
	}
	const keeps = `; ${binding.command} keeps ${labels(binding.keys)}`;
	const written = typeof entry.value === 'string' ? [entry.value] : entry.value;
	if (!Array.isArray(written) || written.length === 0 || !written.every(key => typeof key === 'string')) {
		return `${at(entry.line)}${binding.command} needs a key or a list of keys, such as "x" or ["x", "down"]${keeps}`;
	}
	const keys: KeyStroke[] = [];
	for (const text of written as string[]) {
		const key = readKey(text);
		if (key === undefined)
			return `${at(entry.line)}${binding.command}: "${text}" is not a key (one character, or one of ${NAMED_KEYS.join(', ')})${keeps}`;
		if (!keys.includes(key)) keys.push(key);
	}
	return {command: binding.command, keys, line: entry.line};
}

/** A key that two commands of one screen share, where at least one of them is the user's. */
function findClash(
	table: readonly KeyBinding[],
	users: ReadonlyMap<CommandId, UserEntry>,
): {entry: UserEntry; key: KeyStroke; other: CommandId} | undefined {
	for (const screen of ['list', 'detail', 'picker'] as const) {
		const owners = new Map<KeyStroke, CommandId>();
		for (const binding of bindingsFor(table, screen)) {
			for (const key of binding.keys) {
				const owner = owners.get(key);
				if (owner === undefined) {
					owners.set(key, binding.command);
					continue;
				}
				// The later of two user entries gives way; a user's entry gives way to a built-in one.
				const mine = users.get(binding.command);
				const theirs = users.get(owner);
				const yielding = mine && theirs ? ((mine.line ?? 0) >= (theirs.line ?? 0) ? mine : theirs) : (mine ?? theirs);
				if (yielding) return {entry: yielding, key, other: yielding === mine ? owner : binding.command};
			}
		}
	}
	return undefined;
}

/**
 * The bindings table with the user's [keys] applied: `openLink = "O"` or `moveDown = ["j", "down"]`
 * replaces that command's keys. An entry that names no command or no key, or that gives a key
 * another command on the same screen has, is reported and the command keeps its built-in keys.
 */
export function applyUserKeys(
	table: readonly KeyBinding[],
	entries: readonly SettingsEntry[],
	at: Locate,
): {table: KeyBinding[]; problems: string[]} {
	const problems: string[] = [];
	const users = new Map<CommandId, UserEntry>();
	for (const entry of entries) {
		const read = readEntry(entry, table, at);
		if (typeof read === 'string') problems.push(read);
		else users.set(read.command, read);
	}
	const withUsers = () => table.map(binding => ({...binding, keys: users.get(binding.command)?.keys ?? binding.keys}));
	let result = withUsers();
	// Each round takes back one user entry, so this ends; the built-in table has no clashes.
	for (let clash = findClash(result, users); clash !== undefined; clash = findClash(result, users)) {
		const {entry, key, other} = clash;
		const builtIn = table.find(binding => binding.command === entry.command)?.keys ?? [];
		problems.push(
			`${at(entry.line)}${entry.command}: ${keyLabel(key)} is also the key of ${other}; ${entry.command} keeps ${labels(builtIn)}`,
		);
		users.delete(entry.command);
		result = withUsers();
	}
	return {table: result, problems};
}
