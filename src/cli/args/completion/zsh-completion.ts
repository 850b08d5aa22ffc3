import {type CommandSpec, type OptionSpec, SHELLS} from '../command-table.js';
import {COMMAND_COMPLETIONS, COMMAND_ENTRIES, singleQuoted, VALUE_OPTIONS} from './completion-model.js';

/** Brackets and colons end an _arguments description early. */
function described(text: string): string {
	return text.replace(/([[\]:\\])/g, '\\$1');
}

const VALUE_ACTIONS = {
	file: '_files',
	directory: '_directories',
	subscription: '_flashnews_subscriptions',
	shell: `(${SHELLS.join(' ')})`,
	nothing: ' ',
} as const;

function optionSpec(option: OptionSpec): string {
	const value = option.value === undefined ? '' : `:${option.value}:${VALUE_ACTIONS[option.completes ?? 'nothing']}`;
	const long = `--${option.name}${option.value === undefined ? '' : '='}`;
	if (option.short)
		return `${singleQuoted(`(-${option.short} --${option.name})`)}{-${option.short},${long}}${singleQuoted(`[${described(option.description)}]${value}`)}`;
	return singleQuoted(`${long}[${described(option.description)}]${value}`);
}

function argumentSpecs(command: CommandSpec): string[] {
	if (command.args.max === 0) return [];
	const action = VALUE_ACTIONS[command.args.completes];
	const name = command.args.name.toLowerCase().replaceAll('_', ' ');
	if (command.name === 'read') return [singleQuoted(`1:${name} or command:_flashnews_first`), singleQuoted(`*:${name}:${action}`)];
	return [singleQuoted(`1:${name}:${action}`)];
}

/** `flashnews completion zsh`: a script for zsh's completion system, from the command table. */
export function zshCompletion(): string {
	const commands = COMMAND_ENTRIES.map(entry => `\t\t${singleQuoted(`${entry.name}:${entry.summary}`)}`).join('\n');
	const cases = COMMAND_COMPLETIONS.map(({command, options}) => {
		const specs = [...options.map(optionSpec), ...argumentSpecs(command)].map(spec => `\t\t\t\t${spec}`).join(' \\\n');
		return `\t\t${command.name})\n\t\t\t_arguments -s -S \\\n${specs}\n\t\t\t;;`;
	}).join('\n');
	return `#compdef flashnews
# zsh completion for flashnews. Load it with: eval "$(flashnews completion zsh)" after compinit,
# or save it as _flashnews in a folder of $fpath.

_flashnews_commands() {
	local -a commands=(
${commands}
	)
	_describe -t commands command commands
}

_flashnews_first() {
	_flashnews_commands
	_files
}

# Uses $program and $config_dir of _flashnews, which calls it.
_flashnews_subscriptions() {
	local -a urls config
	local at=\${words[(I)--config-dir]}
	(( at > 0 )) && config_dir=\${words[at+1]}
	[[ -n $config_dir ]] && config=(--config-dir \${~config_dir})
	urls=(\${(f)"$(_call_program subscriptions $program feeds --urls \${config} 2>/dev/null)"})
	_wanted subscriptions expl subscription compadd -a urls
}

_flashnews() {
	local command=read at=2 program=\${words[1]} config_dir=
	# The command is the first word that is not an option (or an option's value).
	while (( at < CURRENT )); do
		case \${words[at]} in
			--config-dir) (( at + 1 < CURRENT )) && config_dir=\${words[at+1]}; (( at += 2 )); continue ;;
			--config-dir=*) config_dir=\${words[at]#*=} ;;
			${VALUE_OPTIONS.join('|')}) (( at += 2 )); continue ;;
			-*) ;;
			${COMMAND_ENTRIES.map(entry => entry.name).join('|')}) command=\${words[at]}; break ;;
			*) break ;;
		esac
		(( at++ ))
	done
	if [[ $command != read ]]; then
		# From the command on, as if it were the program: _arguments numbers its arguments from there.
		shift $(( at - 1 )) words
		(( CURRENT -= at - 1 ))
	fi
	case $command in
${cases}
	esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
	_flashnews "$@"
else
	compdef _flashnews flashnews
fi
`;
}
