/** An article body as the feed gave it: HTML or plain text, already stripped of terminal controls. */
export type ArticleBody = {
	format: 'html' | 'text';
	value: string;
	/** Absolute URL that relative links in an HTML body resolve against (the article's link). */
	base?: string;
};
