import {type CommandSpec, SHELLS} from '../command-table.js';
import {argumentLimit, COMMAND_COMPLETIONS, COMMAND_ENTRIES, VALUE_OPTIONS} from './completion-model.js';

function optionWords(options: ReadonlyArray<{name: string; short?: string}>): string {
	return options.flatMap(option => [`--${option.name}`, ...(option.short ? [`-${option.short}`] : [])]).join(' ');
}

/** What the argument of `command` completes to, as lines of the script. */
function argumentCompletion(command: CommandSpec): string {
	const words = COMMAND_ENTRIES.map(entry => entry.name).join(' ');
	switch (command.args.completes) {
		case 'file':
		case 'directory':
			return `${command.name === 'read' ? `[[ $count == 0 ]] && _flashnews_words "${words}" "$cur"\n\t\t\t\t` : ''}_flashnews_paths ${command.args.completes === 'file' ? '-f' : '-d'} "$cur"`;
		case 'subscription':
			return '_flashnews_subscriptions "$1" "$cur" "$config_dir"';
		case 'shell':
			return `_flashnews_words "${SHELLS.join(' ')}" "$cur"`;
		case 'nothing':
			return ':';
	}
}

/** `flashnews completion bash`: a script for bash 4 and later, from the command table. */
export function bashCompletion(): string {
	const cases = COMMAND_COMPLETIONS.map(
		({command, options}) => `\t\t${command.name})
			if [[ $cur == -* ]]; then
				_flashnews_words "${optionWords(options)}" "$cur"
			elif ((count < ${argumentLimit(command)})); then
				${argumentCompletion(command)}
			fi
			;;`,
	).join('\n');
	return `# bash completion for flashnews. Load it with: eval "$(flashnews completion bash)"
# Subscribed URLs hold colons, where bash would otherwise split a word (npm's script does the same).
COMP_WORDBREAKS=\${COMP_WORDBREAKS//:/}

_flashnews_words() {
	local word
	for word in $1; do [[ $word == "$2"* ]] && COMPREPLY+=("$word"); done
}

_flashnews_paths() {
	local path
	compopt -o filenames 2>/dev/null
	while IFS= read -r path; do COMPREPLY+=("$path"); done < <(compgen "$1" -- "$2")
}

_flashnews_subscriptions() {
	local url config=()
	[[ -n $3 ]] && config=(--config-dir "\${3/#\\~/$HOME}")
	while IFS= read -r url; do
		[[ $url == "$2"* ]] && COMPREPLY+=("$url")
	done < <("$1" feeds --urls "\${config[@]}" 2>/dev/null)
}

_flashnews() {
	local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
	local command=read count=0 config_dir= word i
	COMPREPLY=()
	if [[ $prev == = ]]; then prev=\${COMP_WORDS[COMP_CWORD-2]}; fi
	# The command, its arguments so far, and the --config-dir to ask for subscriptions.
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=\${COMP_WORDS[i]}
		case $word in
			${VALUE_OPTIONS.join('|')})
				[[ \${COMP_WORDS[i+1]} == = ]] && ((i++))
				((i + 1 < COMP_CWORD)) && [[ $word == --config-dir ]] && config_dir=\${COMP_WORDS[i+1]}
				((i++))
				;;
			--config-dir=*) config_dir=\${word#*=} ;;
			-*) ;;
			*)
				if [[ $command == read && $count == 0 && " ${COMMAND_ENTRIES.map(entry => entry.name).join(' ')} " == *" $word "* ]]; then
					command=$word
				else
					((count++))
				fi
				;;
		esac
	done
	case $prev in
		--config-dir) _flashnews_paths -d "$cur"; return ;;
		${VALUE_OPTIONS.filter(option => option !== '--config-dir').join('|')}) return ;;
	esac
	case $command in
${cases}
	esac
}

complete -F _flashnews flashnews
`;
}
