/** Which family a feed document belongs to, known from its root element. */
export type XmlDialect = 'atom' | 'rss' | 'unknown';

/**
 * The dialect of a document whose root element has this canonical name (element-names.ts):
 * Atom's <feed>; RSS's <rss>, RSS 1.0's <rdf:RDF> and Microsoft CDF's <channel>, which are all read
 * as RSS.
 */
export function dialectOfRoot(canonicalName: string): XmlDialect {
	if (canonicalName === 'feed') return 'atom';
	if (canonicalName === 'rss' || canonicalName === 'rdf:RDF' || canonicalName === 'channel') return 'rss';
	return 'unknown';
}
