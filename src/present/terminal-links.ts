// The only escape sequences flashnews writes itself besides Ink's colours: OSC 8 hyperlinks around
// links it has checked (src/core/links/openable-url.ts) and OSC 52 clipboard writes. Feed text never
// carries either: the sanitizer strips every sequence a feed brings (src/core/text/sanitize.ts).

// BEL ends the OSC 8 sequences: Ink's tokenizer (@alcalzone/ansi-tokenize) recognizes a link only
// when it ends with BEL, and would otherwise print the sequence as text.
const OSC8_END = '\u001B]8;;\u0007';
const PRINTABLE_ASCII = /^[\u0021-\u007E]+$/;

/** `text` as a clickable link to `url`, where the terminal supports OSC 8; `url` must be printable ASCII. */
export function hyperlink(url: string, text: string): string {
	if (!PRINTABLE_ASCII.test(url) || text === '') return text;
	return `\u001B]8;;${url}\u0007${text}${OSC8_END}`;
}

/** OSC 52: put `text` on the system clipboard ("c"), ended by ST as the xterm documentation writes it. */
export function clipboardSequence(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u001B\\`;
}

const OFF = new Set(['0', 'false', 'no', 'off']);
const ON = new Set(['1', 'true', 'yes', 'on']);
// Terminals that print an OSC string instead of ignoring it, or that are not terminals at all.
const NO_HYPERLINK_TERMS = new Set(['', 'dumb', 'linux']);

/**
 * Whether to draw links as OSC 8 hyperlinks. A terminal that does not know OSC 8 ignores it
 * (ECMA-48 says to skip an unknown OSC string), so it is on by default, except for the Linux console
 * and dumb terminals. FLASHNEWS_HYPERLINKS=0 turns it off and =1 on, whatever the terminal.
 */
export function hyperlinksEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	const choice = (env.FLASHNEWS_HYPERLINKS ?? '').trim().toLowerCase();
	if (OFF.has(choice)) return false;
	if (ON.has(choice)) return true;
	return !NO_HYPERLINK_TERMS.has(env.TERM ?? '');
}
