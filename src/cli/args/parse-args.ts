import {existsSync} from 'node:fs';
import {parseArgs as parseArgv} from 'node:util';
import packageJson from '../../../package.json' with {type: 'json'};
import {
	COMMAND_WORDS,
	type CommandName,
	commandSpec,
	GLOBAL_OPTIONS,
	OPTIONS,
	type OptionName,
	SHELLS,
	type Shell,
} from './command-table.js';
import {helpText} from './help-text.js';
import {looksLikeCommand, suggestCommand, suggestOption} from './suggest.js';

export type CliArgs = {
	/** The command to run; `completion` only prints a script and never gets this far. */
	command: Exclude<CommandName, 'completion'>;
	/** Sources for `read`; the one argument of add, remove and import. */
	args: string[];
	json: boolean;
	plain: boolean;
	title: string | undefined;
	/** Fetch timeout in milliseconds, when --timeout was given. */
	timeoutMs: number | undefined;
	offline: boolean;
	configDir: string | undefined;
	debug: boolean;
	/** feeds --urls: only the subscribed URLs (for the completion scripts). */
	urls: boolean;
};

/** A command line the parser refuses: one line, with a hint at what to type instead. */
export class UsageError extends Error {
	constructor(
		message: string,
		readonly hint = 'see flashnews --help',
	) {
		super(message);
	}
}

const parserOptions = Object.fromEntries(
	OPTIONS.map(option => [
		option.name,
		{type: option.value === undefined ? 'boolean' : 'string', ...(option.short ? {short: option.short} : {})},
	]),
) as Record<OptionName, {type: 'boolean' | 'string'; short?: string}>;

const COMMAND_NAMES = new Set<string>(COMMAND_WORDS);

/** --help: the page, made once the user's own help key is known, and where to look for it. */
export type HelpRequest = {help: (helpKey?: string) => string; configDir: string | undefined};

/** Node's own parser (util.parseArgs), strict, its complaints turned into usage errors. */
function parseStrictly(argv: string[]) {
	try {
		return parseArgv({args: argv, options: parserOptions, allowPositionals: true, strict: true});
	} catch (error) {
		throw usageError(error);
	}
}

/**
 * Node's own parser (util.parseArgs), strict; then each command's own arguments and options.
 * `exists` tells a mistyped command (`flashnews ad URL`) from a SOURCE file of that name.
 */
export function parseArgs(
	argv: string[],
	exists: (path: string) => boolean = existsSync,
): CliArgs | HelpRequest | {version: string} | {completion: Shell} {
	const parsed = parseStrictly(argv);
	const values = parsed.values as Partial<Record<OptionName, string | boolean>>;
	const positionals = parsed.positionals;
	if (values.help) {
		const configDir = typeof values['config-dir'] === 'string' ? values['config-dir'] : undefined;
		return {help: helpKey => helpText(packageJson.description, helpKey), configDir};
	}
	if (values.version) return {version: packageJson.version};

	const first = positionals[0];
	const command: CommandName = first !== undefined && COMMAND_NAMES.has(first) ? (first as CommandName) : 'read';
	if (command === 'read' && first !== undefined && looksLikeCommand(first) && !exists(first)) throw unknownCommand(first);
	const args = command === 'read' ? positionals : positionals.slice(1);
	const spec = commandSpec(command);
	const named = command === 'read' ? 'flashnews' : `flashnews ${command}`;
	for (const option of Object.keys(values) as OptionName[]) {
		if (!spec.options.includes(option) && !GLOBAL_OPTIONS.includes(option)) throw new UsageError(`${named} takes no --${option}`);
	}
	if (args.length < spec.args.min) throw new UsageError(`${named} needs ${spec.args.name}`);
	if (args.length > spec.args.max)
		throw new UsageError(spec.args.max === 0 ? `${named} takes no arguments` : `${named} takes one ${spec.args.name}`);
	if (values.json && values.plain) throw new UsageError('choose one of --json and --plain');
	if (values.urls && values.json) throw new UsageError('choose one of --json and --urls');
	if (command === 'completion') {
		const shell = args[0]!;
		if (!(SHELLS as readonly string[]).includes(shell))
			throw new UsageError(`no completion for ${shell}: choose one of ${SHELLS.join(', ')}`);
		return {completion: shell as Shell};
	}

	return {
		command,
		args,
		json: values.json === true,
		plain: values.plain === true,
		title: typeof values.title === 'string' ? values.title : undefined,
		timeoutMs: parseTimeout(values.timeout),
		offline: values.offline === true,
		configDir: typeof values['config-dir'] === 'string' ? values['config-dir'] : undefined,
		debug: values.debug === true,
		urls: values.urls === true,
	};
}

function parseTimeout(value: string | boolean | undefined): number | undefined {
	if (typeof value !== 'string') return undefined;
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
		throw new UsageError('--timeout takes a number of seconds from 0 to 3600');
	return Math.round(seconds * 1000);
}

/** util.parseArgs's complaint as one line of ours. */
function usageError(error: unknown): UsageError {
	const message = error instanceof Error ? error.message : String(error);
	const unknown = /Unknown option '([^']+)'/.exec(message);
	if (unknown) {
		const suggestion = suggestOption(unknown[1]!);
		return new UsageError(`unknown option ${unknown[1]}`, suggestion ? `did you mean ${suggestion}?` : undefined);
	}
	const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
	if (missing) return new UsageError(`${missing[1]} needs a value`);
	return new UsageError(message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, ''));
}

/** A word in the command's place that is neither a command nor a file. */
function unknownCommand(word: string): UsageError {
	const suggestion = suggestCommand(word);
	if (suggestion) return new UsageError(`unknown command ${word}`, `did you mean ${suggestion}?`);
	return new UsageError(`${word} is neither a command nor a file`, `commands: ${COMMAND_WORDS.join(', ')}`);
}
