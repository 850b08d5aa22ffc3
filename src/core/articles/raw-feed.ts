// What a format parser extracts before normalization. Values are untrusted and unsanitized;
// parsers only guarantee the types below (never objects where a string is promised).

export type RawText = {value: string; html: boolean};

export type RawItem = {
	id?: string;
	title?: RawText;
	link?: string;
	author?: string;
	/** Date as written in the feed (string) or epoch milliseconds (number). */
	published?: string | number;
	summary?: RawText;
	content?: RawText;
	categories?: string[];
	section?: string;
	/** Base URL for relative links in this item (xml:base), when the feed says one. */
	base?: string;
};

export type RawFeed = {
	title?: string;
	/** The feed's home page; also the base for relative links. */
	link?: string;
	base?: string;
	items: RawItem[];
	/** Problems with single items that did not stop the feed from loading, one line each. */
	warnings: string[];
};
