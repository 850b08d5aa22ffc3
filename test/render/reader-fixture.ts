// Feeds for the drawing tests: headlines of every width the terminal has to cope with, wide
// characters, emoji and combining marks among them, and articles long enough to scroll.
import type {Source} from '../../src/load/source.js';
import {fakeSource, makeArticles, okResult} from '../ui/helpers/articles.js';

const TITLES = [
	(index: number) => `Headline number ${index}`,
	(index: number) => `東京の天気は晴れ、明日は雨になるでしょう 第${index}号`,
	(index: number) => `Café ${index}: crème brûlée, naïve façade and a résumé`,
	(index: number) => `${'A very long headline that runs past the edge of any terminal '.repeat(4)}${index}`,
	(index: number) => `${index} 한국어 제목과 English mixed 漢字 text`,
	(index: number) => `Short ${index}`,
	// Emoji (one column in some terminals, two in others), a flag, a joined sequence.
	(index: number) => `📰 Breaking ${index}: markets 📈 rally 🇫🇷 and 👩‍💻 coders`,
	// Accents as combining marks after the letter, not precomposed.
	(index: number) => `Cafe\u0301 ${index}: cre\u0300me bru\u0302le\u0301e, nai\u0308ve`,
];

function body(index: number): string {
	const paragraph = `Paragraph of article ${index}: ${'words that wrap across the width of the article view, '.repeat(6)}漢字も少し。`;
	return Array.from({length: 12}, (_, part) => `${part + 1}. ${paragraph}`).join('\n\n');
}

/** Three feeds of articles, 75 in all. */
export function readerSources(): Source[] {
	const feeds = ['World 世界', 'Tech', 'Long feed name that takes a lot of the row'];
	return feeds.map((title, feed) => {
		const articles = makeArticles(25, index => ({
			id: `f${feed}-a${index}`,
			title: TITLES[(index + feed) % TITLES.length]?.(index) ?? '',
			feed: title,
			content: {format: 'text', value: body(index)},
		}));
		return fakeSource(okResult(title, articles, `/feeds/${feed}.xml`));
	});
}
