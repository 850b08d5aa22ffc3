import {parseArgs as parseArgv} from 'node:util';
import packageJson from '../../package.json' with {type: 'json'};

export const helpText = `
Usage
  $ flashnews [SOURCE...]            read feeds in the terminal
  $ flashnews --plain [SOURCE...]    print one line per article
  $ flashnews --json [SOURCE...]     print articles as a JSON array
  $ flashnews bookmarks [--json]     list saved articles

A SOURCE is a JSON Feed, flashnews JSON, RSS, RDF or Atom file (the format is read from
the content), or - for standard input. With no SOURCE, the bundled sample feeds open.

Options
  --plain             One line per article: title — author · feed · date
  --json              Normalized articles as JSON, newest first
  --config-dir DIR    Where read marks and bookmarks live
                      (default: $FLASHNEWS_CONFIG_DIR, else $XDG_CONFIG_HOME/flashnews)
  --debug             Show stack traces for unexpected errors
  --help              Show this help
  --version           Show the version

Environment
  NO_COLOR              No colours (bold and inverse stay)
  FLASHNEWS_CONFIG_DIR  Where state lives, when --config-dir is not given
  FLASHNEWS_CACHE_DIR   Where a code cache that speeds up start-up lives; safe to delete
                        (default: $XDG_CACHE_HOME/flashnews, else ~/.cache/flashnews)

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

const options = {
	json: {type: 'boolean'},
	plain: {type: 'boolean'},
	'config-dir': {type: 'string'},
	debug: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

/** Node's own parser (util.parseArgs): strict, so an unknown or incomplete option is a usage error. */
export function parseArgs(argv: string[]): CliArgs | {help: string} | {version: string} {
	let parsed;
	try {
		parsed = parseArgv({args: argv, options, allowPositionals: true, strict: true});
	} catch (error) {
		throw new UsageError(usageMessage(error));
	}
	const {values, positionals} = parsed;

	if (values.help) return {help: `${packageJson.description}\n${helpText}`};
	if (values.version) return {version: packageJson.version};
	if (values.json && values.plain) throw new UsageError('choose one of --json and --plain');

	const isBookmarks = positionals[0] === 'bookmarks';
	if (isBookmarks && positionals.length > 1) throw new UsageError('bookmarks takes no sources');

	return {
		command: isBookmarks ? 'bookmarks' : 'read',
		sources: isBookmarks ? [] : positionals,
		json: values.json ?? false,
		plain: values.plain ?? false,
		configDir: values['config-dir'],
		debug: values.debug ?? false,
	};
}

function usageMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const unknown = /Unknown option '([^']+)'/.exec(message);
	if (unknown) return `unknown option ${unknown[1]}`;
	const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
	if (missing) return `${missing[1]} needs a value`;
	return message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
}
