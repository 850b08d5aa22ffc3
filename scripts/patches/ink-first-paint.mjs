// Lets Ink's incremental rendering start from a frame already on the screen. The reader paints its
// first frame before Ink and React have loaded (src/cli/first-paint.ts) and leaves it under this
// symbol with the stream it went to; the first incremental log-update made for that stream takes
// it as the previous frame, so Ink's first frame rewrites only the lines that differ from it.
// Without the patch the reader does not paint early.

/** src/cli/first-paint.ts reads `applied` here to know the bundle has the patch. */
const MARKER = 'flashnews.ink-first-paint';

const takeFirstPaint = `
function flashnewsTakeFirstPaint(stream) {
    const key = Symbol.for('${MARKER}');
    const painted = globalThis[key]?.frame;
    if (painted === undefined || globalThis[key].stream !== stream) return '';
    globalThis[key].frame = undefined;
    return painted;
}
(globalThis[Symbol.for('${MARKER}')] ??= {}).applied = true;
`;

/** @type {import('./apply-patches.mjs').Patch} */
export const firstPaintPatch = {
	name: 'incremental rendering starts from a frame painted before Ink',
	file: 'build/log-update.js',
	withoutIt: 'the reader shows its first frame only once Ink has loaded',
	changes: [
		[
			`const createIncremental = (stream, { showCursor = false } = {}) => {
    let previousLines = [];
    let previousOutput = '';`,
			`const createIncremental = (stream, { showCursor = false } = {}) => {
    let previousOutput = flashnewsTakeFirstPaint(stream);
    let previousLines = previousOutput === '' ? [] : previousOutput.split('\\n');`,
		],
	],
	append: takeFirstPaint,
};
