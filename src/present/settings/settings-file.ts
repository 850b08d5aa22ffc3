import {parse, TomlError} from 'smol-toml';

/** The user's own settings, beside the state file (config.json, which conf owns) in the config directory. */
export const SETTINGS_FILE_NAME = 'config.toml';

/** The sections the file may have. */
export const SETTINGS_SECTIONS = ['keys', 'theme'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** One `name = value` of a section, with the line it is on (when it can be found) for messages. */
export type SettingsEntry = {name: string; value: unknown; line: number | undefined};

export type ParsedSettings = {
	sections: Record<SettingsSection, SettingsEntry[]>;
	/** One line each, naming the file and line: what was wrong and what is used instead. */
	problems: string[];
};

/** `config.toml line 3: ` or `config.toml: ` when the line is not known. */
export type Locate = (line: number | undefined) => string;

export function locator(fileName: string): Locate {
	return line => (line === undefined ? `${fileName}: ` : `${fileName} line ${line}: `);
}

// A dotted key as TOML writes it: bare words or quoted strings joined by dots.
const KEY_PART = String.raw`\s*(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|'([^']*)')\s*`;
const TABLE_HEADER = new RegExp(String.raw`^\s*\[(?!\[)((?:${KEY_PART}\.)*${KEY_PART})\]`);
const KEY_LINE = new RegExp(String.raw`^((?:${KEY_PART}\.)*${KEY_PART})=`);

function keyPath(text: string): string[] {
	const parts: string[] = [];
	for (const match of text.matchAll(new RegExp(KEY_PART, 'g'))) {
		const part = match[1] ?? match[2] ?? match[3];
		if (part !== undefined) parts.push(part);
	}
	return parts;
}

/**
 * The line of each `name = …` in the file, by the path it defines ("keys.openLink"), and the line
 * of each table header ("keys"). TOML parsers give values, not positions; this scan is enough for
 * messages (a value inside an inline table is found at the table's line).
 */
function lineIndex(text: string): Map<string, number> {
	const lines = new Map<string, number>();
	let table: string[] = [];
	for (const [index, line] of text.split(/\r?\n/).entries()) {
		const header = TABLE_HEADER.exec(line);
		if (header) {
			table = keyPath(header[1] ?? '');
			if (!lines.has(table.join('.'))) lines.set(table.join('.'), index + 1);
			continue;
		}
		const key = KEY_LINE.exec(line);
		if (!key) continue;
		const path = [...table, ...keyPath(key[1] ?? '')];
		for (let length = 1; length <= path.length; length++) {
			const joined = path.slice(0, length).join('.');
			if (!lines.has(joined)) lines.set(joined, index + 1);
		}
	}
	return lines;
}

function isTable(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function emptySections(): Record<SettingsSection, SettingsEntry[]> {
	return {keys: [], theme: []};
}

/**
 * Reads the settings file's text: TOML, with a [keys] and a [theme] section. A syntax error drops
 * the whole file (nothing in it can be trusted); anything else wrong is a problem for one entry,
 * and the section readers (src/ui/keys/user-bindings.ts, theme-settings.ts) check the entries.
 */
export function parseSettings(text: string, fileName: string = SETTINGS_FILE_NAME): ParsedSettings {
	const at = locator(fileName);
	let document: Record<string, unknown>;
	try {
		document = parse(text);
	} catch (error) {
		const line = error instanceof TomlError ? error.line : undefined;
		const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^Invalid TOML document: /, '');
		return {sections: emptySections(), problems: [`${at(line)}not valid TOML (${reason}); using the built-in keys and colours`]};
	}
	const lines = lineIndex(text);
	const sections = emptySections();
	const problems: string[] = [];
	for (const [name, value] of Object.entries(document)) {
		const line = lines.get(name);
		if (!(SETTINGS_SECTIONS as readonly string[]).includes(name)) {
			problems.push(`${at(line)}unknown setting "${name}" (the sections are [keys] and [theme])`);
			continue;
		}
		if (!isTable(value)) {
			problems.push(`${at(line)}"${name}" should be a section ([${name}]); using the built-in ${name === 'keys' ? 'keys' : 'colours'}`);
			continue;
		}
		sections[name as SettingsSection] = Object.entries(value).map(([entry, entryValue]) => ({
			name: entry,
			value: entryValue,
			line: lines.get(`${name}.${entry}`) ?? line,
		}));
	}
	return {sections, problems};
}
