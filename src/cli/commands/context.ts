import type {ReaderStore} from '../../store/types.js';
import type {CliArgs} from '../args/parse-args.js';

/** What every command is handed by the wiring in src/cli.tsx. */
export type CommandContext = {
	args: CliArgs;
	store: ReaderStore;
	/** The directory given by --config-dir or $FLASHNEWS_CONFIG_DIR, if any. */
	configDir: string | undefined;
	/** Standard output and input are a terminal and no printing was asked for. */
	interactive: boolean;
	/** Called once the interactive reader has closed. */
	onReaderClosed(): void;
};

/** A command's exit status: 0 success, 1 something could not be read or saved (see EXIT_CODES). */
export type ExitStatus = 0 | 1 | 2;
