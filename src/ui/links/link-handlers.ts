/**
 * What the reader asks of the world for links, handed in by the command line (src/cli/links/) and
 * by tests, which record the calls. The URLs are already checked (http, https, mailto).
 */
export type LinkHandlers = {
	/** Starts a browser on `url` and does not wait for it; resolves to null once one started, else a message. */
	open(url: string): Promise<string | null>;
	/** Puts `text` on the clipboard (an OSC 52 write to the terminal). */
	copy(text: string): void;
};

/** For a reader with no way out to a browser or clipboard. */
export const NO_LINK_HANDLERS: LinkHandlers = {
	open: async () => 'opening links is not available here',
	copy: () => {},
};
