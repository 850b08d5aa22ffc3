import meow from 'meow';

export const helpText = `
	Usage
	  $ flashnews [SOURCE...]            read feeds in the terminal
	  $ flashnews --plain [SOURCE...]    print one line per article
	  $ flashnews --json [SOURCE...]     print articles as a JSON array
	  $ flashnews bookmarks [--json]     list saved articles

	A SOURCE is a JSON Feed, flashnews JSON, RSS, RDF or Atom file (the format is read from
	the content). With no SOURCE, the bundled sample feeds open.

	Options
	  --plain             One line per article: title — author · feed · date
	  --json              Normalized articles as JSON, newest first
	  --config-dir DIR    Where read marks and bookmarks live
	                      (default: $FLASHNEWS_CONFIG_DIR, else $XDG_CONFIG_HOME/flashnews)
	  --debug             Show stack traces for unexpected errors
	  --help              Show this help
	  --version           Show the version

	When standard output is not a terminal, --plain is the default.
	Keys: press ? inside the reader.

	Exit status: 0 on success, 1 when a source could not be read, 2 on a usage error.
`;

export type CliArgs = {
	command: 'read' | 'bookmarks';
	sources: string[];
	json: boolean;
	plain: boolean;
	configDir: string | undefined;
	debug: boolean;
};

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs | {help: string} | {version: string} {
	let cli;
	try {
		cli = meow(helpText, {
			importMeta: import.meta,
			argv,
			autoHelp: false,
			autoVersion: false,
			allowUnknownFlags: true,
			booleanDefault: undefined,
			flags: {
				json: {type: 'boolean', default: false},
				plain: {type: 'boolean', default: false},
				configDir: {type: 'string'},
				debug: {type: 'boolean', default: false},
				help: {type: 'boolean', shortFlag: 'h', default: false},
				version: {type: 'boolean', shortFlag: 'v', default: false},
			},
		});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
	}

	const known = new Set(['json', 'plain', 'configDir', 'debug', 'help', 'h', 'version', 'v']);
	const unknown = Object.keys(cli.unnormalizedFlags).filter(name => !known.has(name));
	if (unknown.length > 0) throw new UsageError(`unknown option --${decamelize(unknown[0]!)}`);

	if (cli.flags.help) return {help: cli.help};
	if (cli.flags.version) return {version: cli.pkg.version ?? 'unknown'};
	if (cli.flags.json && cli.flags.plain) throw new UsageError('choose one of --json and --plain');
	if (argv.includes('--config-dir') && !cli.flags.configDir) throw new UsageError('--config-dir needs a directory');

	const input = cli.input.map(String);
	const isBookmarks = input[0] === 'bookmarks';
	if (isBookmarks && input.length > 1) throw new UsageError('bookmarks takes no sources');

	return {
		command: isBookmarks ? 'bookmarks' : 'read',
		sources: isBookmarks ? [] : input,
		json: cli.flags.json,
		plain: cli.flags.plain,
		configDir: cli.flags.configDir,
		debug: cli.flags.debug,
	};
}

function decamelize(name: string): string {
	return name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
}
