import {decodeFeedBytes} from '../text/decode-bytes.js';
import {sanitizeLine} from '../text/sanitize.js';
import {SubscriptionCollector, type SubscriptionListResult} from './subscription-entry.js';

const FEED_URL = /^(?:https?|file):\/\/\S/i;
// Feeds newsboat makes itself: from a search over other feeds, or from a script's output.
const QUERY_FEED = /^query:/i;
const SCRIPT_FEED = /^(?:exec|filter):/i;
// A tag `!` hides a feed from newsboat's list; it is no folder.
const HIDDEN_TAG = '!';
const ESCAPED: Record<string, string> = {n: '\n', r: '\r', t: '\t'};
const MAX_SHOWN_LENGTH = 60;

/**
 * The words of one line as newsboat reads them: separated by blanks, `"quoted"` with backslash
 * escapes, and a word starting with `#` begins a comment to the end of the line.
 */
function tokenize(line: string): string[] {
	const tokens: string[] = [];
	let index = 0;
	while (index < line.length) {
		while (index < line.length && /[ \t\r]/.test(line[index]!)) index++;
		if (index >= line.length || line[index] === '#') break;
		if (line[index] === '"') {
			let token = '';
			index++;
			while (index < line.length && line[index] !== '"') {
				if (line[index] === '\\' && index + 1 < line.length) {
					index++;
					token += ESCAPED[line[index]!] ?? line[index];
				} else token += line[index];
				index++;
			}
			index++;
			tokens.push(token);
		} else {
			const start = index;
			while (index < line.length && !/[ \t\r]/.test(line[index]!)) index++;
			tokens.push(line.slice(start, index));
		}
	}
	return tokens;
}

function shown(text: string): string {
	const line = sanitizeLine(text);
	return line.length > MAX_SHOWN_LENGTH ? `${line.slice(0, MAX_SHOWN_LENGTH - 1)}…` : line;
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

/**
 * Reads a newsboat `urls` file: one feed URL a line, then its tags. A tag `~Name` is the feed's
 * title, the first other tag its group (one level; newsboat has no nesting). Query feeds are
 * skipped, script feeds (exec:, filter:) skipped with a warning. A line that starts with
 * anything but a URL makes the whole file `{ok: false}`, naming the line.
 */
export function parseNewsboatUrls(input: Uint8Array | string): SubscriptionListResult {
	let text: string;
	try {
		text = typeof input === 'string' ? input : decodeFeedBytes(input);
	} catch (error) {
		return {ok: false, error: error instanceof Error ? error.message : String(error)};
	}
	const collector = new SubscriptionCollector();
	let scriptFeeds = 0;
	let manyTags = 0;
	const lines = text.split('\n');
	for (const [index, line] of lines.entries()) {
		const [url, ...tags] = tokenize(line);
		if (url === undefined) continue;
		if (QUERY_FEED.test(url)) continue;
		if (SCRIPT_FEED.test(url)) {
			scriptFeeds++;
			continue;
		}
		if (!FEED_URL.test(url)) return {ok: false, error: `line ${index + 1}: "${shown(url)}" is not a feed URL`};
		const titleTag = tags.find(tag => tag.startsWith('~'));
		const title = titleTag === undefined ? '' : sanitizeLine(titleTag.slice(1));
		const groups = tags
			.filter(tag => !tag.startsWith('~') && tag !== HIDDEN_TAG)
			.map(tag => sanitizeLine(tag))
			.filter(tag => tag !== '');
		if (groups.length > 1) manyTags++;
		collector.add({
			url: sanitizeLine(url),
			...(title === '' ? {} : {title}),
			...(groups.length === 0 ? {} : {group: [groups[0]!]}),
		});
	}
	if (scriptFeeds > 0)
		collector.warn(`skipped ${plural(scriptFeeds, 'feed', 'feeds')} made by a script (exec: or filter:), which flashnews does not run`);
	if (manyTags > 0) collector.warn(`${plural(manyTags, 'feed has', 'feeds have')} several tags; each went into the group of its first tag`);
	return collector.result();
}
