import {createHash} from 'node:crypto';
import {sanitizeLine} from '../text/sanitize.js';

export type ArticleIdInput = {id?: string; link?: string | null; title: string; published: number | null};

// Ids longer than this are hashed: they are stored in the read/bookmark state, once per article.
const MAX_ID_LENGTH = 512;

// A guid that names itself globally (a URL, a URN or tag: URI, a UUID) is used as it is. Anything
// else — "1", "post-42", an md5 of the slug — is only unique inside its own feed, and two feeds
// reusing guid "1" must not share read marks, so it is namespaced with the feed title.
const GLOBAL_SCHEME = /^(?:[a-z][a-z\d+.-]*:\/\/|(?:urn|tag|mailto):)\S/i;
const UUID = /^(?:urn:uuid:)?[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

function shortHash(text: string): string {
	return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

function bounded(id: string): string {
	return id.length > MAX_ID_LENGTH ? `h:${shortHash(id)}` : id;
}

/**
 * A stable id for an article: its guid/id when it has one, else its absolute link, else a hash of
 * feed title + title + date. The same feed item gets the same id on every run.
 */
export function articleId(feed: string, item: ArticleIdInput): string {
	const guid = sanitizeLine(item.id);
	if (guid !== '') {
		return bounded(GLOBAL_SCHEME.test(guid) || UUID.test(guid) ? guid : `${sanitizeLine(feed)}#${guid}`);
	}
	const link = sanitizeLine(item.link);
	if (link !== '') return bounded(link);
	return `h:${shortHash(`${feed}\n${item.title}\n${item.published ?? ''}`)}`;
}
