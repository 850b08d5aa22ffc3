// Grapheme clusters (what a reader sees as one character). Intl.Segmenter finds them, but the first
// one made costs about 9 ms (ICU loads its data) and each call is slow. Most text needs neither: in
// the ranges below every UTF-16 unit is a cluster on its own (no combining marks, joiners,
// variation selectors, Hangul jamo, regional indicators, surrogates or CR), which
// test/present/graphemes.test.ts checks against Intl.Segmenter.
const ONE_UNIT_PER_CLUSTER =
	/^[\u001B\u0020-\u007E\u00A0-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\u2100-\u2BFF\u3041-\u3096\u30A1-\u30FA\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFF60]*$/;

export type Grapheme = {segment: string; index: number};

let segmenter: Intl.Segmenter | undefined;

export function isOneUnitPerCluster(text: string): boolean {
	return ONE_UNIT_PER_CLUSTER.test(text);
}

/** The grapheme clusters of `text` with their offsets, as Intl.Segmenter gives them. */
export function graphemes(text: string): Iterable<Grapheme> {
	if (ONE_UNIT_PER_CLUSTER.test(text)) return Array.from(text, (segment, index) => ({segment, index}));
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return segmenter.segment(text);
}
