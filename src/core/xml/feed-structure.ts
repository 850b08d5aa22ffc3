// Every RSS-family document reaches rss-parser in one shape: <rss><channel>, then the feed's
// elements and all its items, then </channel></rss>. That reads, as Python's feedparser does,
// feeds whose items stand outside their <channel> or have none around them, RSS 1.0 (items beside
// the channel, or a document with no channel), and Microsoft's CDF (<CHANNEL> as the root, with
// nested channels). The repair scan writes the root this way and leaves out the tags of every
// channel at feed level; what a channel's start tag said (rdf:about, CDF's HREF and BASE) stays
// readable in an empty element named CHANNEL_ATTRIBUTES.

export const CHANNEL_ATTRIBUTES = 'flashnews-channel';

const CHANNEL_OPEN = '<rss><channel>';
const CLOSE = '</channel></rss>';

/**
 * `rest`: a start tag after its name, with its attributes and `>`. The element that keeps them,
 * or '' when there are none.
 */
export function channelAttributes(rest: string): string {
	const attributes = rest.replace(/\/?>$/, '');
	return attributes.trim() === '' ? '' : `<${CHANNEL_ATTRIBUTES}${attributes}/>`;
}

/** What the root start tag (canonical name, and `rest` as above) becomes, and its end tag. */
export function rssRoot(canonical: string, rest: string): {start: string; end: string} {
	// CDF: the root is the channel itself.
	if (canonical === 'channel') return {start: CHANNEL_OPEN + channelAttributes(rest), end: CLOSE};
	return {start: `<rss${rest}<channel>`, end: CLOSE};
}
