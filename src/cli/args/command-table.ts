// The command line as data: --help, the man page and shell completion are all made from these
// tables, so what they say is always what the parser accepts.

export type CommandName = 'read' | 'bookmarks' | 'add' | 'remove' | 'feeds' | 'import' | 'export' | 'completion';

export type OptionName = 'plain' | 'json' | 'title' | 'timeout' | 'offline' | 'config-dir' | 'debug' | 'help' | 'version' | 'urls';

/** What shell completion offers for an argument: files, subscribed URLs, the shells, or nothing. */
export type Completes = 'file' | 'directory' | 'subscription' | 'shell' | 'nothing';

/** The shells `flashnews completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export type CommandSpec = {
	name: CommandName;
	/** How it is typed, after "flashnews". */
	usage: string;
	summary: string;
	/** Positional arguments: how many at least and at most, and what completion offers for them. */
	args: {min: number; max: number; name: string; completes: Completes};
	options: readonly OptionName[];
};

export type OptionSpec = {
	name: OptionName;
	short?: string;
	/** A value's placeholder for options that take one. */
	value?: string;
	/** What completion offers for the value; nothing when left out. */
	completes?: Completes;
	description: string;
	/** Left out of --help, the man page and completion: plumbing for the completion scripts. */
	hidden?: true;
};

const OUTPUT: readonly OptionName[] = ['plain', 'json'];
const FETCH: readonly OptionName[] = ['timeout', 'offline'];

export const COMMANDS: readonly CommandSpec[] = [
	{
		name: 'read',
		usage: '[SOURCE...]',
		summary: 'Read feeds in the terminal (or print them with --plain/--json)',
		args: {min: 0, max: Infinity, name: 'SOURCE', completes: 'file'},
		options: [...OUTPUT, ...FETCH],
	},
	{
		name: 'bookmarks',
		usage: 'bookmarks [--plain|--json]',
		summary: 'List saved articles',
		args: {min: 0, max: 0, name: '', completes: 'nothing'},
		options: OUTPUT,
	},
	{
		name: 'add',
		usage: 'add URL_OR_PATH [--title T]',
		summary: 'Subscribe to a feed',
		args: {min: 1, max: 1, name: 'URL_OR_PATH', completes: 'file'},
		options: ['title', ...FETCH],
	},
	{
		name: 'remove',
		usage: 'remove URL_OR_PATH',
		summary: 'Unsubscribe from a feed',
		args: {min: 1, max: 1, name: 'URL_OR_PATH', completes: 'subscription'},
		options: [],
	},
	{
		name: 'feeds',
		usage: 'feeds [--json]',
		summary: 'List subscriptions: title, last refresh, articles, unread, last error',
		args: {min: 0, max: 0, name: '', completes: 'nothing'},
		options: ['json', 'urls'],
	},
	{
		name: 'import',
		usage: 'import FILE',
		summary: 'Subscribe to the feeds of an OPML file or a newsboat urls file',
		args: {min: 1, max: 1, name: 'FILE', completes: 'file'},
		options: [],
	},
	{
		name: 'export',
		usage: 'export',
		summary: 'Print subscriptions as OPML 2.0',
		args: {min: 0, max: 0, name: '', completes: 'nothing'},
		options: [],
	},
	{
		name: 'completion',
		usage: 'completion bash|zsh|fish',
		summary: 'Print a shell completion script (see Shell completion below)',
		args: {min: 1, max: 1, name: 'SHELL', completes: 'shell'},
		options: [],
	},
];

export const OPTIONS: readonly OptionSpec[] = [
	{name: 'plain', description: 'One line per article: title — author · feed · date'},
	{name: 'json', description: 'Normalized articles (or feeds) as JSON'},
	{name: 'title', value: 'T', description: 'A title for the subscription (add)'},
	{name: 'timeout', value: 'SEC', description: 'Give up on a feed after SEC seconds (default 20)'},
	{name: 'offline', description: 'Fetch nothing: read subscriptions from the cache'},
	{name: 'config-dir', value: 'DIR', completes: 'directory', description: 'Where read marks, bookmarks and subscriptions live'},
	{name: 'debug', description: 'Show stack traces for unexpected errors'},
	{name: 'help', short: 'h', description: 'Show this help'},
	{name: 'version', short: 'v', description: 'Show the version'},
	{name: 'urls', description: 'Only the subscribed URLs, one a line (feeds; for the completion scripts)', hidden: true},
];

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['config-dir', 'debug', 'help', 'version'];

/** What a SOURCE is, and what runs without one. */
export const ABOUT_SOURCES = `A SOURCE is a JSON Feed, flashnews JSON, RSS, RDF or Atom file or http(s) URL (the format is
read from the content), or - for standard input. With no SOURCE the subscriptions open, or,
before any, the bundled sample feeds. When standard output is not a terminal, --plain is the
default.`;

/** How to load the completion scripts: the line to run, and where to put it (if anywhere). */
export const COMPLETION_SETUP: ReadonlyArray<{shell: Shell; line: string; where?: string}> = [
	{shell: 'bash', line: 'eval "$(flashnews completion bash)"', where: '~/.bashrc'},
	{shell: 'zsh', line: 'eval "$(flashnews completion zsh)"', where: '~/.zshrc, after compinit'},
	{shell: 'fish', line: 'flashnews completion fish > ~/.config/fish/completions/flashnews.fish'},
];

export const ENVIRONMENT: ReadonlyArray<[string, string]> = [
	['NO_COLOR', 'No colours (bold and inverse stay)'],
	['FLASHNEWS_CONFIG_DIR', 'Where state lives, when --config-dir is not given'],
	['FLASHNEWS_CACHE_DIR', 'Where cached feeds and a start-up code cache live; safe to delete'],
	['BROWSER', 'Browsers for o, tried in order (a:b); %s is the URL, else it goes last'],
	['FLASHNEWS_HYPERLINKS', 'OSC 8 clickable links: 0 off, 1 on (default on unless TERM is dumb or linux)'],
	['FLASHNEWS_NOW', 'The time "2h ago" counts from, in seconds since 1970 (reproducible screenshots)'],
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

/** The options shown to people (--help, the man page, completion). */
export const VISIBLE_OPTIONS: readonly OptionSpec[] = OPTIONS.filter(option => !option.hidden);

/** The visible options `command` takes, its own then the global ones. */
export function optionsOf(command: CommandSpec): OptionSpec[] {
	const names = new Set([...command.options, ...GLOBAL_OPTIONS]);
	return VISIBLE_OPTIONS.filter(option => names.has(option.name));
}

/** The words that name a command (read is what runs when none is given). */
export const COMMAND_WORDS: readonly CommandName[] = COMMANDS.map(command => command.name).filter(name => name !== 'read');
