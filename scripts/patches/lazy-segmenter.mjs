// The first Intl.Segmenter is slow (ICU loads its data), and string-width and slice-ansi
// each make one as they load. Patched, they make it on first use: lazySegmenter(...) stands for
// new Intl.Segmenter(...) wherever only .segment() is called.
export const lazySegmenter = `function lazySegmenter(...options) {
	let segmenter;
	return {segment: text => (segmenter ??= new Intl.Segmenter(...options)).segment(text)};
}`;
