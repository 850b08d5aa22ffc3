import {AMPERSAND_PATTERN, repairAmpersands, repairReference} from './entities.js';
import {CDATA_SPLIT} from './xhtml-capture.js';

// Repairs the text between markup, and the ampersands inside tags, of one document: `&` as
// entities.ts says, a `<` that starts no markup escaped, and inside an xhtml capture a `]]>` split.

const TEXT_FIXES = new RegExp(`${AMPERSAND_PATTERN}|<`, 'g');
const CAPTURED_TEXT_FIXES = new RegExp(`${AMPERSAND_PATTERN}|<|\\]\\]>`, 'g');

type Search = '&' | '<' | ']]>';

function repairTextMatch(match: string): string {
	if (match === '<') return '&lt;';
	if (match === ']]>') return CDATA_SPLIT;
	return repairReference(match);
}

export class CharacterData {
	// Where each string next occurs (-1 before the first search), searched again only once passed:
	// the scan stays linear however far apart they are.
	private readonly next = {'&': -1, '<': -1, ']]>': -1};

	constructor(private readonly text: string) {}

	private contains(search: Search, from: number, to: number): boolean {
		let position = this.next[search];
		if (position < from) {
			const found = this.text.indexOf(search, from);
			position = found === -1 ? Number.POSITIVE_INFINITY : found;
			this.next[search] = position;
		}
		return position < to;
	}

	/** text[from, to) repaired, or undefined when it needs nothing. */
	repairedText(from: number, to: number, capturing: boolean): string | undefined {
		if (!this.contains('&', from, to) && !this.contains('<', from, to) && !(capturing && this.contains(']]>', from, to))) return undefined;
		const segment = this.text.slice(from, to);
		const repaired = segment.replace(capturing ? CAPTURED_TEXT_FIXES : TEXT_FIXES, repairTextMatch);
		return repaired === segment ? undefined : repaired;
	}

	/** The tag text[from, to) with its ampersands repaired (the same string when it has none). */
	repairedTag(tag: string, from: number, to: number): string {
		return this.contains('&', from, to) ? repairAmpersands(tag) : tag;
	}
}
