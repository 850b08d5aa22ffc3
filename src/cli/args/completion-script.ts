import type {Shell} from './command-table.js';
import {bashCompletion} from './completion/bash-completion.js';
import {fishCompletion} from './completion/fish-completion.js';
import {zshCompletion} from './completion/zsh-completion.js';

const SCRIPTS: Record<Shell, () => string> = {bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion};

/** `flashnews completion SHELL`: the script that teaches SHELL flashnews's commands and options. */
export function completionScript(shell: Shell): string {
	return SCRIPTS[shell]();
}
