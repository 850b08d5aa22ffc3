// Generated variants of an XML fixture: the same feed written another way a feed in the wild
// might write it. Each returns the variant's bytes, or undefined when it does not apply.
import iconv from 'iconv-lite';

const KNOWN_PREFIXES = new Map([
	['dc', 'http://purl.org/dc/elements/1.1/'],
	['dcterms', 'http://purl.org/dc/terms/'],
	['content', 'http://purl.org/rss/1.0/modules/content/'],
	['atom', 'http://www.w3.org/2005/Atom'],
	['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
	['xhtml', 'http://www.w3.org/1999/xhtml'],
]);
const LEGACY_LABELS = ['ISO-8859-1', 'latin1', 'US-ASCII'];
const encoder = new TextEncoder();

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every declared prefix of a known namespace renamed (dc → p1), in tags and attribute names. */
function unusualPrefixes(text) {
	let result = text;
	let renamed = 0;
	for (const [prefix, uri] of KNOWN_PREFIXES) {
		const declaration = new RegExp(`xmlns:${prefix}=(["'])${escapeRegExp(uri)}\\1`);
		if (!declaration.test(result)) continue;
		const other = `p${++renamed}`;
		result = result.replace(new RegExp(`(<\\/?|\\s)${prefix}:`, 'g'), `$1${other}:`).replaceAll(`xmlns:${prefix}=`, `xmlns:${other}=`);
	}
	return renamed > 0 ? encoder.encode(result) : undefined;
}

/** RSS 2.0 items moved out of <channel>, after it, inside <rss>. */
function itemsOutsideChannel(text) {
	const firstItem = text.search(/<item[\s>]/);
	const close = text.lastIndexOf('</channel>');
	if (!/<rss[\s>]/.test(text) || firstItem < 0 || close < firstItem) return undefined;
	return encoder.encode(`${text.slice(0, firstItem)}</channel>${text.slice(firstItem, close)}${text.slice(close + '</channel>'.length)}`);
}

/** Re-encoded as windows-1252 under a legacy label browsers read as windows-1252. */
function legacyLabel(text, index) {
	if (!/[^\x00-\x7F]/.test(text) || !/^<\?xml[^>]*encoding=/i.test(text)) return undefined;
	const bytes = iconv.encode(text, 'windows-1252');
	if (iconv.decode(bytes, 'windows-1252') !== text) return undefined;
	const label = LEGACY_LABELS[index % LEGACY_LABELS.length];
	const relabelled = text.replace(/^(<\?xml[^>]*encoding=)(["'])[^"']*\2/i, `$1$2${label}$2`);
	return iconv.encode(relabelled, 'windows-1252');
}

/** A UTF-8 byte order mark in front. */
function withBom(text) {
	return encoder.encode(`\uFEFF${text}`);
}

/** [name, make(text, index)] for every variant. */
export const VARIANTS = [
	['prefixes', unusualPrefixes],
	['outside-channel', itemsOutsideChannel],
	['legacy-label', legacyLabel],
	['bom', withBom],
];
