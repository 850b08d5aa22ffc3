// Every frame, Ink takes the text of every text node apart again: it tokenizes it to drop escape
// sequences other than SGR and OSC (sanitize-ansi.js), then measures its widest line
// (render-node-to-output.js). A keypress that changes two rows of the reader paid for all of them,
// in time and in garbage. Both are pure functions of the text, so here each keeps its results for
// the few thousand texts it saw last.

// Two generations of entries: a lookup that finds an entry in the older one moves it to the newer;
// when the newer is full it becomes the older and the older is dropped. At most twice `limit`
// entries, and what a frame uses survives the next one.
const recentResults = `
class FlashnewsRecentResults {
    constructor(limit) {
        this.limit = limit;
        this.newer = new Map();
        this.older = new Map();
    }
    get(key) {
        let value = this.newer.get(key);
        if (value === undefined) {
            value = this.older.get(key);
            if (value !== undefined) this.set(key, value);
        }
        return value;
    }
    set(key, value) {
        if (this.newer.size >= this.limit) {
            this.older = this.newer;
            this.newer = new Map();
        }
        this.newer.set(key, value);
    }
}
`;

// Enough for every text node of a full screen several times over.
const LIMIT = 2000;

/** @type {import('./apply-patches.mjs').Patch[]} */
export const textCachePatches = [
	{
		name: 'text nodes are sanitized once, not on every frame',
		file: 'build/sanitize-ansi.js',
		changes: [
			[
				`    if (!hasAnsiControlCharacters(text)) {
        return text;
    }
    let output = '';`,
				`    if (!hasAnsiControlCharacters(text)) {
        return text;
    }
    const known = flashnewsSanitized.get(text);
    if (known !== undefined) {
        return known;
    }
    let output = '';`,
			],
			[
				`            output += token.value;
        }
    }
    return output;`,
				`            output += token.value;
        }
    }
    flashnewsSanitized.set(text, output);
    return output;`,
			],
		],
		append: `${recentResults}const flashnewsSanitized = new FlashnewsRecentResults(${LIMIT});\n`,
	},
	{
		name: 'text nodes are measured once, not on every frame',
		file: 'build/render-node-to-output.js',
		changes: [
			['                const currentWidth = widestLine(text);', '                const currentWidth = flashnewsWidestLine(text);'],
		],
		append: `${recentResults}const flashnewsWidths = new FlashnewsRecentResults(${LIMIT});
function flashnewsWidestLine(text) {
    let width = flashnewsWidths.get(text);
    if (width === undefined) {
        width = widestLine(text);
        flashnewsWidths.set(text, width);
    }
    return width;
}
`,
	},
];
