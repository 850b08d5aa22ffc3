import type {Article, FeedResult} from '../../../src/core/articles/article.js';
import type {Source} from '../../../src/load/source.js';

export const NOW = Date.UTC(2025, 3, 17, 12, 0, 0);
const HOUR = 3_600_000;

/** An article published `hoursAgo` before NOW; ids are "a1", "a2", … unless given. */
export function makeArticle(index: number, overrides: Partial<Article> = {}): Article {
	return {
		id: `a${index}`,
		title: `Headline number ${index}`,
		author: `Author ${index}`,
		feed: 'Flash News',
		section: null,
		published: NOW - index * HOUR,
		link: `https://news.example/${index}`,
		summary: {format: 'text', value: ''},
		content: {format: 'text', value: `Body of article ${index}.`},
		categories: [],
		...overrides,
	};
}

export function makeArticles(count: number, overrides: (index: number) => Partial<Article> = () => ({})): Article[] {
	return Array.from({length: count}, (_, offset) => makeArticle(offset + 1, overrides(offset + 1)));
}

export function okResult(title: string, articles: Article[], source = `/feeds/${title}.xml`): FeedResult {
	return {ok: true, source, title, articles, warnings: []};
}

export type FakeSource = Source & {readonly deferred: boolean; release(): void};

/** A source that resolves to `result` at once, or when `release()` is called if `deferred`. */
export function fakeSource(result: FeedResult, options: {deferred?: boolean} = {}): FakeSource {
	let release = () => {};
	const ready = options.deferred ? new Promise<void>(resolve => (release = resolve)) : Promise.resolve();
	return {
		id: result.source,
		label: result.source,
		async load() {
			await ready;
			return result;
		},
		deferred: options.deferred ?? false,
		release: () => release(),
	};
}
