/** The schemes a link may be opened or copied with: the web and e-mail, nothing that runs code or reads files. */
export const OPENABLE_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

export type OpenableUrl = {ok: true; url: string} | {ok: false; reason: string};

// The same characters as RFC 3986's scheme, before the first colon.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether a link may go to the browser or the clipboard, and in what form: an absolute http, https
 * or mailto URL, normalized by the WHATWG parser (so what is opened is exactly what is shown and
 * every space or control is percent-encoded). Anything else gets a reason: 'a javascript: link'.
 */
export function openableUrl(link: string): OpenableUrl {
	const text = link.trim();
	if (text === '') return {ok: false, reason: 'no link'};
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return {ok: false, reason: SCHEME.test(text) ? 'an unreadable link' : 'a relative link'};
	}
	if (!(OPENABLE_SCHEMES as readonly string[]).includes(url.protocol)) {
		return {ok: false, reason: `a ${url.protocol} link`};
	}
	// The parser percent-encodes what it must; anything left outside printable ASCII is suspect.
	if (!/^[\u0021-\u007E]+$/.test(url.href)) return {ok: false, reason: 'an unreadable link'};
	return {ok: true, url: url.href};
}
