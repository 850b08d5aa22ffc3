import {
	ABOUT_SOURCES,
	COMMANDS,
	COMPLETION_SETUP,
	ENVIRONMENT,
	EXIT_CODES,
	FILES,
	type OptionSpec,
	VISIBLE_OPTIONS,
} from './command-table.js';

function table(rows: ReadonlyArray<readonly [string, string]>): string {
	const width = Math.max(...rows.map(([left]) => left.length)) + 2;
	return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
}

/** How an option is typed: `-h, --help`, `--timeout SEC`. */
export function optionUsage(option: OptionSpec): string {
	return `${option.short ? `-${option.short}, ` : ''}--${option.name}${option.value ? ` ${option.value}` : ''}`;
}

/** --help: commands, options, environment, files and exit codes, all from the command table. */
export function helpText(description: string, helpKey = '?'): string {
	const commands = table(COMMANDS.map(command => [`flashnews ${command.usage}`, command.summary]));
	const options = table(VISIBLE_OPTIONS.map(option => [optionUsage(option), option.description]));
	return `${description}

Commands
${commands}

${ABOUT_SOURCES}

Options
${options}

Environment
${table(ENVIRONMENT)}

Files
${table(FILES)}

Exit status
${table(EXIT_CODES.map(([code, meaning]) => [String(code), meaning]))}

Shell completion
${table(COMPLETION_SETUP.map(({shell, line, where}) => [shell, where ? `${line}   (in ${where})` : line]))}

Keys: press ${helpKey} inside the reader; change them and the colours in config.toml.
`;
}
