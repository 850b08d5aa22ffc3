import {type CommandSpec, type OptionSpec, SHELLS} from '../command-table.js';
import {argumentLimit, COMMAND_COMPLETIONS, COMMAND_ENTRIES, singleQuoted, VALUE_OPTIONS} from './completion-model.js';

function optionLine(command: CommandSpec, option: OptionSpec): string {
	const flags = [`-l ${option.name}`, ...(option.short ? [`-s ${option.short}`] : [])];
	const value =
		option.value === undefined
			? []
			: option.completes === 'directory'
				? ['-x', "-a '(__fish_complete_directories (commandline -ct))'"]
				: ['-x'];
	return `complete -c flashnews -n '__flashnews_on ${command.name}' ${[...flags, ...value].join(' ')} -d ${singleQuoted(option.description)}`;
}

function argumentLine(command: CommandSpec): string | undefined {
	const when = `-n '__flashnews_expects ${command.name} ${argumentLimit(command)}'`;
	switch (command.args.completes) {
		case 'file':
			return `complete -c flashnews ${when} -F`;
		case 'directory':
			return `complete -c flashnews ${when} -x -a '(__fish_complete_directories (commandline -ct))'`;
		case 'subscription':
			return `complete -c flashnews ${when} -x -a '(__flashnews_subscriptions)'`;
		case 'shell':
			return `complete -c flashnews ${when} -x -a ${singleQuoted(SHELLS.join(' '))}`;
		case 'nothing':
			return undefined;
	}
}

/** `flashnews completion fish`: a script for fish, from the command table. */
export function fishCompletion(): string {
	const commandWords = COMMAND_ENTRIES.map(entry => entry.name).join(' ');
	const lines = COMMAND_COMPLETIONS.flatMap(({command, options}) => [
		...options.map(option => optionLine(command, option)),
		...[argumentLine(command)].filter(line => line !== undefined),
	]);
	const commands = COMMAND_ENTRIES.map(
		entry => `complete -c flashnews -n '__flashnews_expects read 1' -f -a ${entry.name} -d ${singleQuoted(entry.summary)}`,
	);
	return `# fish completion for flashnews. Save it with:
#   flashnews completion fish > ~/.config/fish/completions/flashnews.fish

# The command on the line so far (read when none is given) and how many arguments it has.
function __flashnews_state
	set -l words (commandline -opc)
	set -e words[1]
	set -l command read
	set -l count 0
	set -l skip 0
	for word in $words
		if test $skip = 1
			set skip 0
			continue
		end
		switch $word
			case ${VALUE_OPTIONS.join(' ')}
				set skip 1
			case '-*'
			case ${commandWords}
				if test $command = read -a $count = 0
					set command $word
				else
					set count (math $count + 1)
				end
			case '*'
				set count (math $count + 1)
		end
	end
	echo $command $count
end

function __flashnews_on --argument-names command
	set -l state (string split ' ' -- (__flashnews_state))
	test "$state[1]" = $command
end

# Whether the next word is an argument of command, which takes at most limit.
function __flashnews_expects --argument-names command limit
	set -l state (string split ' ' -- (__flashnews_state))
	test "$state[1]" = $command -a "$state[2]" -lt $limit
end

function __flashnews_subscriptions
	set -l words (commandline -opc)
	set -l config
	if set -l at (contains -i -- --config-dir $words)
		set config --config-dir $words[(math $at + 1)]
	end
	$words[1] feeds --urls $config 2>/dev/null
end

complete -c flashnews -f
${commands.join('\n')}
${lines.join('\n')}
`;
}
