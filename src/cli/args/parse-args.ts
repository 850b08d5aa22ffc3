import {parseArgs as parseArgv} from 'node:util';
import packageJson from '../../../package.json' with {type: 'json'};
import {COMMANDS, GLOBAL_OPTIONS, OPTIONS, commandSpec, type CommandName, type OptionName} from './command-table.js';
import {helpText} from './help-text.js';

export type CliArgs = {
	command: CommandName;
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
};

export class UsageError extends Error {}

const parserOptions = Object.fromEntries(
	OPTIONS.map(option => [option.name, {type: option.value === undefined ? 'boolean' : 'string', ...(option.short ? {short: option.short} : {})}]),
) as Record<OptionName, {type: 'boolean' | 'string'; short?: string}>;

const COMMAND_NAMES = new Set<string>(COMMANDS.map(command => command.name).filter(name => name !== 'read'));

/** Node's own parser (util.parseArgs), strict; then each command's own arguments and options. */
/** --help: the page, made once the user's own help key is known, and where to look for it. */
export type HelpRequest = {help: (helpKey?: string) => string; configDir: string | undefined};

export function parseArgs(argv: string[]): CliArgs | HelpRequest | {version: string} {
	let parsed;
	try {
		parsed = parseArgv({args: argv, options: parserOptions, allowPositionals: true, strict: true});
	} catch (error) {
		throw new UsageError(usageMessage(error));
	}
	const values = parsed.values as Partial<Record<OptionName, string | boolean>>;
	const positionals = parsed.positionals;
	if (values.help) {
		const configDir = typeof values['config-dir'] === 'string' ? values['config-dir'] : undefined;
		return {help: helpKey => helpText(packageJson.description, helpKey), configDir};
	}
	if (values.version) return {version: packageJson.version};

	const first = positionals[0];
	const command: CommandName = first !== undefined && COMMAND_NAMES.has(first) ? (first as CommandName) : 'read';
	const args = command === 'read' ? positionals : positionals.slice(1);
	const spec = commandSpec(command);
	const named = command === 'read' ? 'flashnews' : `flashnews ${command}`;
	for (const option of Object.keys(values) as OptionName[]) {
		if (!spec.options.includes(option) && !GLOBAL_OPTIONS.includes(option)) throw new UsageError(`${named} takes no --${option}`);
	}
	if (args.length < spec.args.min) throw new UsageError(`${named} needs ${spec.args.name}`);
	if (args.length > spec.args.max) throw new UsageError(spec.args.max === 0 ? `${named} takes no arguments` : `${named} takes one ${spec.args.name}`);
	if (values.json && values.plain) throw new UsageError('choose one of --json and --plain');

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
	};
}

function parseTimeout(value: string | boolean | undefined): number | undefined {
	if (typeof value !== 'string') return undefined;
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new UsageError('--timeout takes a number of seconds from 0 to 3600');
	return Math.round(seconds * 1000);
}

function usageMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const unknown = /Unknown option '([^']+)'/.exec(message);
	if (unknown) return `unknown option ${unknown[1]}`;
	const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
	if (missing) return `${missing[1]} needs a value`;
	return message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
}
