import {leaveAlternateScreen} from './cli/alternate-screen.js';
import type {CommandName} from './cli/args/command-table.js';
import {completionScript} from './cli/args/completion-script.js';
import {parseArgs, UsageError} from './cli/args/parse-args.js';
import {addCommand} from './cli/commands/add.js';
import {bookmarksCommand} from './cli/commands/bookmarks.js';
import type {CommandContext, ExitStatus} from './cli/commands/context.js';
import {feedsCommand} from './cli/commands/feeds.js';
import {readCommand} from './cli/commands/read.js';
import {exportCommand, importCommand, removeCommand} from './cli/commands/subscriptions.js';
import {chooseStateDir, resolveConfigDir} from './cli/config-dir.js';
import {warn, writeOut} from './cli/output.js';
import {loadSettings} from './cli/settings/load-settings.js';
import {createMemoryStore} from './store/memory-store.js';
import {openStore} from './store/open-store.js';
import type {ReaderStore} from './store/types.js';
import {keyLabel} from './ui/keys/key-names.js';

let debug = false;

/** What the launcher (src/launcher.ts) wants to hear about. */
export type LaunchHooks = {
	/** The interactive reader has closed; the process is about to exit. */
	onReaderClosed?(): void;
};

const COMMANDS: Record<Exclude<CommandName, 'completion'>, (context: CommandContext) => ExitStatus | Promise<ExitStatus>> = {
	read: readCommand,
	bookmarks: bookmarksCommand,
	add: addCommand,
	remove: removeCommand,
	feeds: feedsCommand,
	import: importCommand,
	export: exportCommand,
};

async function main(argv: string[], hooks: LaunchHooks): Promise<number> {
	let args: ReturnType<typeof parseArgs>;
	try {
		args = parseArgs(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		warn(`${error.message} (${error.hint})`);
		return 2;
	}
	if ('completion' in args) {
		writeOut(completionScript(args.completion));
		return 0;
	}
	if ('help' in args) {
		const settings = loadSettings(resolveConfigDir(args.configDir));
		for (const problem of settings.problems) warn(problem);
		const helpKey = settings.bindings.find(binding => binding.command === 'help')?.keys[0];
		writeOut(args.help(helpKey === undefined ? undefined : keyLabel(helpKey)));
		return 0;
	}
	if ('version' in args) {
		writeOut(`${args.version}\n`);
		return 0;
	}
	debug = args.debug;

	const interactive = !args.json && !args.plain && args.command === 'read' && process.stdout.isTTY === true && process.stdin.isTTY === true;
	const configDir = resolveConfigDir(args.configDir);
	const store = openStateStore(configDir);
	// Notices (a damaged file moved aside, a failed save) go to stderr: at once when printing, and
	// after the reader closes (where the status line showed them) so they stay in the scrollback.
	let noticesShown = 0;
	const showNotices = () => {
		for (const notice of store.notices.slice(noticesShown)) warn(notice);
		noticesShown = store.notices.length;
	};
	if (!interactive) showNotices();

	try {
		const run = COMMANDS[args.command];
		return await run({args, store, configDir, interactive, onReaderClosed: () => hooks.onReaderClosed?.()});
	} finally {
		store.close();
		showNotices();
	}
}

/** The store in an absolute directory, or one in memory (with a notice) when there is no such directory. */
function openStateStore(configDir: string | undefined): ReaderStore {
	const state = chooseStateDir(configDir);
	return state.ok ? openStore({configDir: state.dir}) : createMemoryStore(undefined, {notices: [state.problem]});
}

function crash(error: unknown): never {
	leaveAlternateScreen();
	if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? error.message}\n`);
	else warn(`unexpected error: ${error instanceof Error ? error.message : String(error)} (run with --debug for details)`);
	process.exit(1);
}

/** Runs one command line to its end, then exits the process with its exit code. */
export function runCli(argv: string[], hooks: LaunchHooks = {}): void {
	debug = argv.includes('--debug');
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	// Exit explicitly: a finished run must not wait on a lingering handle (a parse worker, stdin).
	main(argv, hooks).then(code => process.exit(code), crash);
}
