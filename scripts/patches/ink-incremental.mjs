// Ink's incremental rendering (render option `incrementalRendering`) rewrites only the lines of a
// frame that changed. As published it draws each changed line one row too low after a frame that
// ended with a newline (every frame shorter than the terminal), erases the last character of a line
// as wide as the terminal on xterm, can lose a row at the bottom of the screen, and after a resize
// leaves rows the terminal shows but Ink does not know about. The reader turns the option on only
// when every patch here applied (src/cli/run-reader.tsx). The write-up for upstream is
// ink-incremental.md beside this file; test/render/ compares the screen with full redraws.
import {readFileSync} from 'node:fs';

/**
 * Each patched file counts its patches in `applied` under this symbol, beside how many there are;
 * src/cli/run-reader.tsx compares the two.
 */
const MARKER = 'flashnews.ink-incremental-rendering-fixed';

// The functions that write a frame after the first, appended to log-update.js as plain functions:
// the three files share one scope there, so their imports of each other go.
const changedLines = ['cells', 'row', 'lines']
	.map(part => readFileSync(new URL(`./ink-incremental-${part}.js`, import.meta.url), 'utf8'))
	.join('\n')
	.replaceAll(/^import .*\n/gm, '')
	.replaceAll(/^export /gm, '');

/** @type {import('./apply-patches.mjs').Patch[]} */
export const incrementalPatches = [
	{
		name: 'incremental rendering writes changed lines where they are',
		file: 'build/log-update.js',
		withoutIt: 'the reader redraws whole frames',
		changes: [
			["import cliCursor from 'cli-cursor';", "import cliCursor from 'cli-cursor';\nimport stringWidth from 'string-width';"],
			[
				`        // Clear extra lines if the current content's line count is lower than the previous.
        if (visibleCount < previousVisible) {
            const previousHadTrailingNewline = previousOutput.endsWith('\\n');
            const extraSlot = previousHadTrailingNewline ? 1 : 0;
            buffer.push(ansiEscapes.eraseLines(previousVisible - visibleCount + extraSlot), ansiEscapes.cursorUp(visibleCount));
        }
        else {
            buffer.push(ansiEscapes.cursorUp(previousVisible - 1));
        }
        for (let i = 0; i < visibleCount; i++) {
            const isLastLine = i === visibleCount - 1;
            // We do not write lines if the contents are the same. This prevents flickering during renders.
            if (nextLines[i] === previousLines[i]) {
                // Don't move past the last line when there's no trailing newline,
                // otherwise the cursor overshoots the rendered block.
                if (!isLastLine || hasTrailingNewline) {
                    buffer.push(ansiEscapes.cursorNextLine);
                }
                continue;
            }
            buffer.push(ansiEscapes.cursorTo(0) +
                nextLines[i] +
                ansiEscapes.eraseEndLine +
                // Don't append newline after the last line when the input
                // has no trailing newline (fullscreen mode).
                (isLastLine && !hasTrailingNewline ? '' : '\\n'));
        }`,
				'        buffer.push(flashnewsChangedLines({previousLines, previousOutput, nextLines, visibleCount, hasTrailingNewline, columns: stream.columns, stringWidth}));',
			],
		],
		append: changedLines,
	},
	{
		// After a frame as tall as the terminal Ink redraws the next one whole, but without the
		// newline that log-update records it as having: the cursor stays a row above where the next
		// incremental frame starts counting from.
		name: 'a full redraw ends where log-update expects',
		file: 'build/ink.js',
		withoutIt: 'the reader redraws whole frames',
		changes: [
			[
				'this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput + output);',
				'this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput + outputToRender);',
			],
		],
	},
	{
		// On a resize Ink drew at once, from the tree as it was: an app that sizes itself from
		// stdout has not re-rendered yet (React renders its update a microtask later), so the frame
		// is laid out for the old size, and when the terminal got narrower its rows wrap onto rows
		// Ink does not know hold text. Here Ink draws after the app's updates have rendered.
		name: 'a resize draws the tree laid out for the new size',
		file: 'build/ink.js',
		withoutIt: 'the reader redraws whole frames',
		changes: [
			[
				`        this.calculateLayout();
        this.onRender();
        this.lastTerminalWidth = currentWidth;`,
				`        this.lastTerminalWidth = currentWidth;
        setImmediate(() => {
            if (!this.isUnmounted) {
                this.calculateLayout();
                this.onRender();
            }
        });`,
			],
		],
	},
	{
		// After a resize the terminal may show text Ink did not write there: cells cut off by a
		// narrower terminal come back when it widens again (xterm.js does that), rows may have
		// scrolled. Incremental rendering skips the lines it thinks unchanged, so after a resize it
		// starts again from an erased frame, as it did only when the terminal got narrower.
		name: 'after a resize incremental rendering repaints every row',
		file: 'build/ink.js',
		withoutIt: 'the reader redraws whole frames',
		changes: [
			['if (currentWidth < this.lastTerminalWidth) {', 'if (this.options.incrementalRendering || currentWidth < this.lastTerminalWidth) {'],
		],
	},
];

for (const patch of incrementalPatches) {
	const count = `(globalThis[Symbol.for('${MARKER}')] ??= {expected: ${incrementalPatches.length}, applied: 0}).applied++;`;
	patch.append = patch.append ? `${patch.append}\n${count}\n` : `${count}\n`;
}
