import {decodeFeedBytes} from '../text/decode-bytes.js';
import {parseNewsboatUrls} from './newsboat-urls.js';
import {parseOpml} from './parse-opml.js';
import type {SubscriptionListResult} from './subscription-entry.js';

/** An imported subscription list of either kind: OPML when it starts with markup, else a newsboat urls file. */
export function parseSubscriptionFile(bytes: Uint8Array): SubscriptionListResult {
	let text: string;
	try {
		text = decodeFeedBytes(bytes);
	} catch (error) {
		return {ok: false, error: error instanceof Error ? error.message : String(error)};
	}
	return /^[\s\uFEFF]*</.test(text) ? parseOpml(text) : parseNewsboatUrls(text);
}
