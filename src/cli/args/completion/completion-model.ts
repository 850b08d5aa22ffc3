import {COMMAND_WORDS, COMMANDS, type CommandSpec, type Completes, OPTIONS, type OptionSpec, optionsOf} from '../command-table.js';

/** The command table as the completion scripts need it. */

/** Every option that takes a value, hidden ones too: the scripts skip the value when they read a line. */
export const VALUE_OPTIONS: readonly string[] = OPTIONS.filter(option => option.value !== undefined).map(option => `--${option.name}`);

/** Commands typed as a word, with their summaries. */
export const COMMAND_ENTRIES: ReadonlyArray<{name: string; summary: string}> = COMMAND_WORDS.map(name => ({
	name,
	summary: COMMANDS.find(command => command.name === name)!.summary,
}));

/** Each command with the options it takes (visible ones) and what its arguments complete to. */
export const COMMAND_COMPLETIONS: ReadonlyArray<{command: CommandSpec; options: OptionSpec[]}> = COMMANDS.map(command => ({
	command,
	options: optionsOf(command),
}));

/** A limit a shell can compare with: "any number" as a large one. */
export function argumentLimit(command: CommandSpec): number {
	return Number.isFinite(command.args.max) ? command.args.max : 1_000_000;
}

/** Commands whose arguments complete to `kind`. */
export function commandsCompleting(kind: Completes): CommandSpec[] {
	return COMMANDS.filter(command => command.args.max > 0 && command.args.completes === kind);
}

/** Text inside single quotes, for any of the three shells. */
export function singleQuoted(text: string): string {
	return `'${text.replaceAll("'", "'\\''")}'`;
}
