import {COMMANDS, ENVIRONMENT, EXIT_CODES, FILES, OPTIONS} from './command-table.js';

function table(rows: ReadonlyArray<readonly [string, string]>): string {
	const width = Math.max(...rows.map(([left]) => left.length)) + 2;
	return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
}

/** --help: commands, options, environment, files and exit codes, all from the command table. */
export function helpText(description: string, helpKey = '?'): string {
	const commands = table(COMMANDS.map(command => [`flashnews ${command.usage}`, command.summary]));
	const options = table(OPTIONS.map(option => [`${option.short ? `-${option.short}, ` : ''}--${option.name}${option.value ? ` ${option.value}` : ''}`, option.description]));
	return `${description}

Commands
${commands}

A SOURCE is a JSON Feed, flashnews JSON, RSS, RDF or Atom file or http(s) URL (the format is
read from the content), or - for standard input. With no SOURCE the subscriptions open, or,
before any, the bundled sample feeds. When standard output is not a terminal, --plain is the
default.

Options
${options}

Environment
${table(ENVIRONMENT)}

Files
${table(FILES)}

Exit status
${table(EXIT_CODES.map(([code, meaning]) => [String(code), meaning]))}

Keys: press ${helpKey} inside the reader; change them and the colours in config.toml.
`;
}
