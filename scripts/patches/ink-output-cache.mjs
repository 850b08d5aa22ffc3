// Ink turns every line of every frame into styled characters (and measures them) through caches
// that a new Output, made for every frame, starts empty: a keypress that changes two rows pays for
// all of them. Here a frame's caches start from the last frame's, keeping only what this frame
// uses, so they hold at most two frames' lines.

const frameMap = `class FlashnewsFrameMap {
    constructor(last) {
        this.last = last?.current;
        this.current = new Map();
    }
    get(key) {
        let value = this.current.get(key);
        if (value === undefined && this.last !== undefined) {
            value = this.last.get(key);
            if (value !== undefined) this.current.set(key, value);
        }
        return value;
    }
    set(key, value) {
        this.current.set(key, value);
    }
}
let flashnewsLastCaches;`;

/** @type {import('./apply-patches.mjs').Patch} */
export const outputCachePatch = {
	name: "a frame's styled lines are kept for the next frame",
	file: 'build/output.js',
	changes: [
		[
			`class OutputCaches {
    widths = new Map();
    blockWidths = new Map();
    styledChars = new Map();`,
			`class OutputCaches {
    widths;
    blockWidths;
    styledChars;
    constructor(last) {
        this.widths = new FlashnewsFrameMap(last?.widths);
        this.blockWidths = new FlashnewsFrameMap(last?.blockWidths);
        this.styledChars = new FlashnewsFrameMap(last?.styledChars);
    }`,
		],
		['    caches = new OutputCaches();', '    caches = (flashnewsLastCaches = new OutputCaches(flashnewsLastCaches));'],
	],
	append: frameMap,
};
