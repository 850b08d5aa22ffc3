import {createKeymap} from '../../ui/keys/keymap.js';
import {ABOUT_SOURCES, COMMANDS, COMPLETION_SETUP, ENVIRONMENT, EXIT_CODES, FILES, VISIBLE_OPTIONS} from './command-table.js';
import {optionUsage} from './help-text.js';

/**
 * Text safe in roff: backslashes and a leading dot or quote would be read as requests, and
 * characters beyond ASCII are written as escapes (not every man reads UTF-8).
 */
function roff(text: string): string {
	return text
		.replaceAll('\\', '\\e')
		.replace(/^([.'])/gm, '\\&$1')
		.replace(/[^\x00-\x7F]/gu, character => `\\[u${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Text typed at a terminal: bold, with minus signs rather than hyphens. */
function typed(text: string): string {
	return `\\fB${roff(text).replaceAll('-', '\\-')}\\fR`;
}

function paragraphs(text: string): string {
	return roff(text.replace(/\n(?!\n)/g, ' '));
}

function tagged(rows: ReadonlyArray<readonly [string, string]>): string {
	return rows.map(([tag, body]) => `.TP\n${tag}\n${roff(body)}`).join('\n');
}

/**
 * flashnews.1, the manual page, in roff (man macros): made by the build from the command table,
 * like --help, with the reader's keys from the bindings table.
 */
export function manPage({version, description}: {version: string; description: string}): string {
	const synopsis = COMMANDS.map(command => `.B flashnews\n${roff(command.usage).replaceAll('-', '\\-')}`).join('\n.br\n');
	const commands = tagged(COMMANDS.map(command => [typed(`flashnews ${command.usage}`), command.summary]));
	const options = tagged(VISIBLE_OPTIONS.map(option => [typed(optionUsage(option)), option.description]));
	const keys = createKeymap()
		.help()
		.map(section => `.SS ${roff(section.title)}\n${tagged(section.rows.map(row => [typed(row.keys), row.description]))}`)
		.join('\n');
	const name = description.replace(/^A /, 'a ');
	return `.TH FLASHNEWS 1 "" "flashnews ${roff(version)}" "User Commands"
.SH NAME
flashnews \\- ${roff(name)}
.SH SYNOPSIS
${synopsis}
.SH DESCRIPTION
${roff(description)}.
.PP
${paragraphs(ABOUT_SOURCES)}
.SH COMMANDS
${commands}
.SH OPTIONS
${options}
.SH KEYS
In the reader; press \\fB?\\fR there for the same list.
${keys}
.SH ENVIRONMENT
${tagged(ENVIRONMENT.map(([variable, meaning]) => [typed(variable), meaning]))}
.SH FILES
${tagged(FILES.map(([file, meaning]) => [`\\fI${roff(file)}\\fR`, meaning]))}
.SH EXIT STATUS
${tagged(EXIT_CODES.map(([code, meaning]) => [typed(String(code)), meaning]))}
.SH SHELL COMPLETION
${COMPLETION_SETUP.map(({shell, line, where}) => `.TP\n${typed(shell)}\n${where ? `In ${roff(where)}:` : 'Once:'}\n.RS\n.EX\n${roff(line)}\n.EE\n.RE`).join('\n')}
.SH SEE ALSO
.BR newsboat (1)
`;
}
