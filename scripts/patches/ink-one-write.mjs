// Ink writes a frame as three writes: the begin-synchronized-update mark, the frame, the end mark.
// Each write to a terminal wakes the program that reads it; on a busy machine that reader can take
// the CPU between the first write and the second, and the frame reaches the terminal milliseconds
// after its first bytes. Here the three go out corked, in one write. A stream without cork() (a
// test's fake stdout) is written as before.

/** @type {import('./apply-patches.mjs').Patch} */
export const oneWritePatch = {
	name: 'a frame and its synchronized-update marks go out in one write',
	file: 'build/ink.js',
	withoutIt: 'a frame goes out in three writes',
	changes: [
		[
			`                const shouldWrite = this.log.willRender(output);
                const sync = shouldSynchronize(this.options.stdout);
                if (sync && shouldWrite) {
                    this.options.stdout.write(bsu);
                }
                this.log(output);
                if (sync && shouldWrite) {
                    this.options.stdout.write(esu);
                }`,
			`                const shouldWrite = this.log.willRender(output);
                const sync = shouldSynchronize(this.options.stdout);
                const corked = flashnewsCork(this.options.stdout);
                try {
                    if (sync && shouldWrite) {
                        this.options.stdout.write(bsu);
                    }
                    this.log(output);
                    if (sync && shouldWrite) {
                        this.options.stdout.write(esu);
                    }
                }
                finally {
                    if (corked) {
                        this.options.stdout.uncork();
                    }
                }`,
		],
	],
	append: `
// Holds the stream's writes until uncork(), which sends them in one write; false if it cannot.
function flashnewsCork(stream) {
    if (typeof stream.cork !== 'function' || typeof stream.uncork !== 'function') return false;
    stream.cork();
    return true;
}
`,
};
