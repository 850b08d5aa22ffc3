// The command line as data: --help, the man page and shell completion are all made from these
// tables, so what they say is always what the parser accepts.

export type CommandName = 'read' | 'bookmarks' | 'add' | 'remove' | 'feeds' | 'import' | 'export';

export type OptionName = 'plain' | 'json' | 'title' | 'timeout' | 'offline' | 'config-dir' | 'debug' | 'help' | 'version';

export type CommandSpec = {
	name: CommandName;
	/** How it is typed, after "flashnews". */
	usage: string;
	summary: string;
	/** Positional arguments: how many at least and at most. */
	args: {min: number; max: number; name: string};
	options: readonly OptionName[];
};

export type OptionSpec = {
	name: OptionName;
	short?: string;
	/** A value's placeholder for options that take one. */
	value?: string;
	description: string;
};

const OUTPUT: readonly OptionName[] = ['plain', 'json'];
const FETCH: readonly OptionName[] = ['timeout', 'offline'];

export const COMMANDS: readonly CommandSpec[] = [
	{name: 'read', usage: '[SOURCE...]', summary: 'Read feeds in the terminal (or print them with --plain/--json)', args: {min: 0, max: Infinity, name: 'SOURCE'}, options: [...OUTPUT, ...FETCH]},
	{name: 'bookmarks', usage: 'bookmarks [--plain|--json]', summary: 'List saved articles', args: {min: 0, max: 0, name: ''}, options: OUTPUT},
	{name: 'add', usage: 'add URL_OR_PATH [--title T]', summary: 'Subscribe to a feed', args: {min: 1, max: 1, name: 'URL_OR_PATH'}, options: ['title', ...FETCH]},
	{name: 'remove', usage: 'remove URL_OR_PATH', summary: 'Unsubscribe from a feed', args: {min: 1, max: 1, name: 'URL_OR_PATH'}, options: []},
	{name: 'feeds', usage: 'feeds [--json]', summary: 'List subscriptions: title, last refresh, articles, unread, last error', args: {min: 0, max: 0, name: ''}, options: ['json']},
	{name: 'import', usage: 'import FILE', summary: 'Subscribe to the feeds of an OPML file or a newsboat urls file', args: {min: 1, max: 1, name: 'FILE'}, options: []},
	{name: 'export', usage: 'export', summary: 'Print subscriptions as OPML 2.0', args: {min: 0, max: 0, name: ''}, options: []},
];

export const OPTIONS: readonly OptionSpec[] = [
	{name: 'plain', description: 'One line per article: title — author · feed · date'},
	{name: 'json', description: 'Normalized articles (or feeds) as JSON'},
	{name: 'title', value: 'T', description: 'A title for the subscription (add)'},
	{name: 'timeout', value: 'SEC', description: 'Give up on a feed after SEC seconds (default 20)'},
	{name: 'offline', description: 'Fetch nothing: read subscriptions from the cache'},
	{name: 'config-dir', value: 'DIR', description: 'Where read marks, bookmarks and subscriptions live'},
	{name: 'debug', description: 'Show stack traces for unexpected errors'},
	{name: 'help', short: 'h', description: 'Show this help'},
	{name: 'version', short: 'v', description: 'Show the version'},
];

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['config-dir', 'debug', 'help', 'version'];

export const ENVIRONMENT: ReadonlyArray<[string, string]> = [
	['NO_COLOR', 'No colours (bold and inverse stay)'],
	['FLASHNEWS_CONFIG_DIR', 'Where state lives, when --config-dir is not given'],
	['FLASHNEWS_CACHE_DIR', 'Where cached feeds and a start-up code cache live; safe to delete'],
	['BROWSER', 'Browsers for o, tried in order (a:b); %s is the URL, else it goes last'],
	['FLASHNEWS_HYPERLINKS', 'OSC 8 clickable links: 0 off, 1 on (default on unless TERM is dumb or linux)'],
	['XDG_CONFIG_HOME, XDG_CACHE_HOME', 'The usual bases of those two (absolute paths only)'],
];

export const FILES: ReadonlyArray<[string, string]> = [
	['$XDG_CONFIG_HOME/flashnews/config.json', 'Read marks, bookmarks and subscriptions (~/.config when unset)'],
	['$XDG_CONFIG_HOME/flashnews/config.toml', 'Your keys and colours, if you write one (see the README)'],
	['$XDG_CACHE_HOME/flashnews/feeds/', 'The last good copy of each subscription (~/.cache when unset)'],
	['$XDG_CACHE_HOME/flashnews/code/', 'A code cache that speeds up start-up'],
];

export const EXIT_CODES: ReadonlyArray<[number, string]> = [
	[0, 'Success'],
	[1, 'A source or file could not be read, fetched or saved'],
	[2, 'A usage error: unknown command or option, missing or extra argument'],
];

export function commandSpec(name: CommandName): CommandSpec {
	return COMMANDS.find(command => command.name === name)!;
}
