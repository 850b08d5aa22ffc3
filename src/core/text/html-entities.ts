// HTML's character references (`&eacute;`, `&#233;`), decoded by the entities package. Its tables
// take a while to build, so it is loaded the first time a text holds a reference it decodes: most
// titles hold none, and start-up does not wait for it.
import type * as Entities from 'entities';
import {lazyRequire} from '../../shims/lazy-require.js';

const entities = lazyRequire<typeof Entities>('entities');

/** What decodeHTMLStrict decodes: references ended by a semicolon. */
const STRICT_REFERENCE = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/;

/** References ended by `;` decoded, as in HTML's text; anything else left as it is. */
export function decodeHtmlStrict(text: string): string {
	return STRICT_REFERENCE.test(text) ? entities().decodeHTMLStrict(text) : text;
}

/** References decoded as a browser would, also those without `;` (`&copy 2024`). */
export function decodeHtmlLoose(text: string): string {
	return text.includes('&') ? entities().decodeHTML(text) : text;
}
