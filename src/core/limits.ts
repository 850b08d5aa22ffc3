// Limits on everything flashnews reads, so a hostile or broken feed cannot exhaust memory, time or
// the stack: the size of a file or of standard input (src/load refuses more than MAX_FEED_BYTES
// before reading it all, and the decoder checks again), the decoded text, XML nesting, and the
// number of items kept from an XML or JSON feed.
//
// Security model of the XML path (decodeFeedBytes → repairXmlDocument → rss-parser/xml2js/sax):
// - No DTD is ever processed and no external entity is ever resolved: the repair scan removes
//   every <!DOCTYPE …> (internal subset included) before parsing, so entity definitions vanish and
//   a reference to one becomes literal text (`&lol9;`); sax itself never reads files or URLs.
// - Size is checked before any work; nesting depth is checked by the repair scan, so a
//   100,000-deep document fails in linear time instead of overflowing a stack in a recursive
//   step later (rss-parser rebuilds nested markup recursively).
// - Items beyond the limit are dropped with a warning (XML and JSON alike).

export const BYTES_PER_MB = 1024 * 1024;

/** Largest file, standard input or document accepted, in bytes before decoding. */
export const MAX_FEED_BYTES = 200 * BYTES_PER_MB;

/** Largest document accepted, in UTF-16 code units (≈ characters) after decoding. */
export const MAX_FEED_TEXT_LENGTH = 200 * BYTES_PER_MB;

/** Deepest XML element nesting accepted; real feeds stay under 20. */
export const MAX_ELEMENT_DEPTH = 256;

/** Items kept from one feed (XML or JSON) when the caller does not say otherwise. */
export const DEFAULT_MAX_ITEMS = 100_000;

// Rounded up, so a size just over the limit never prints as equal to it.
function megabytes(size: number): string {
	const value = size / BYTES_PER_MB;
	return value >= 10 ? String(Math.ceil(value)) : (Math.ceil(value * 10) / 10).toFixed(1);
}

/** The one-line message for a document over a size limit. */
export function tooLargeMessage(size: number, limit: number): string {
	return `feed is too large (${megabytes(size)} MB; limit ${megabytes(limit)} MB)`;
}
