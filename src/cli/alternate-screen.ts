import {writeSync} from 'node:fs';

// Like less, vim and newsboat, the reader draws on the terminal's alternate screen, so quitting
// gives the user back the shell screen and scrollback exactly as they were.
const ENTER = '\u001B[?1049h';
const LEAVE = '\u001B[?1049l';
// Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~, so the reader can tell
// a paste from typing and never runs its letters as commands (ui/keys/parse-keys.ts).
const PASTE_ON = '\u001B[?2004h';
const PASTE_OFF = '\u001B[?2004l';
// Ink hides the cursor while it draws; a signal can end the process before Ink shows it again.
const SHOW_CURSOR = '\u001B[?25h';

let active = false;

export function enterAlternateScreen(): void {
	if (active) return;
	active = true;
	writeSync(1, ENTER + PASTE_ON);
	// Any way out (quit, signal, crash, process.exit) leaves it, before the shell prompt returns.
	process.once('exit', leaveAlternateScreen);
}

/** Idempotent; call it before printing anything the user must still see after exit. */
export function leaveAlternateScreen(): void {
	if (!active) return;
	active = false;
	try {
		writeSync(1, PASTE_OFF + LEAVE + SHOW_CURSOR);
	} catch {}
}
