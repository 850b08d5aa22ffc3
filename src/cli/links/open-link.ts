import type * as ChildProcess from 'node:child_process';
import {lazyBuiltin} from '../../shims/lazy-require.js';
import {type BrowserCommand, browserCommands} from './browser-commands.js';

const childProcess = lazyBuiltin<typeof ChildProcess>('node:child_process');

export type Launch = (command: BrowserCommand) => Promise<boolean>;

/**
 * Starts one command without a shell, detached from the reader and from its terminal: its output
 * goes nowhere (a browser's warnings would garble the screen) and the reader does not wait for
 * it. Resolves true once the program has started, false when it could not (not found, not allowed).
 */
export const launchDetached: Launch = command =>
	new Promise(resolve => {
		let child: ReturnType<typeof ChildProcess.spawn>;
		try {
			child = childProcess().spawn(command.file, command.args, {detached: true, stdio: 'ignore', shell: false, windowsHide: true});
		} catch {
			resolve(false);
			return;
		}
		child.once('spawn', () => {
			child.unref();
			resolve(true);
		});
		child.once('error', () => resolve(false));
	});

/**
 * Opens `url` (already checked to be http, https or mailto) with the first browser command that
 * starts. Resolves to null when one did, else to a message for the status line.
 */
export async function openInBrowser(
	url: string,
	options: {env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; launch?: Launch} = {},
): Promise<string | null> {
	const commands = browserCommands(url, options.env ?? process.env, options.platform ?? process.platform);
	if (commands.length === 0) return 'no browser to open the link with: set BROWSER';
	const launch = options.launch ?? launchDetached;
	for (const command of commands) {
		if (await launch(command)) return null;
	}
	const tried = commands.map(command => command.file).join(', ');
	return `could not start a browser (tried ${tried}); set BROWSER`;
}
