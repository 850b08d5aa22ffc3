/** A user-facing failure to read or parse a source: `message` is one line, no stack trace needed. */
export class FeedError extends Error {
	override name = 'FeedError';
}
