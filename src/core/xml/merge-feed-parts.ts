// The results of a feed's parts (see split-xml-feed.ts) joined into the result of the whole, and,
// while the parts are still being parsed, into the result of the run of them parsed so far.
import type {Article, FeedResult} from '../articles/article.js';

/**
 * Takes a feed's part results in order for as long as they add up to what the whole document
 * would give: no part failed or warned (skipped items, limits), no id came up twice (the whole
 * would have dropped one with a warning), and no more items than the limit (the whole would have
 * kept the first and warned). With no warning from any part, every item is an article, so
 * exactly `maxItems` articles is a whole within the limit.
 */
class PartJoin {
	readonly articles: Article[] = [];
	private readonly ids = new Set<string>();
	private first: Extract<FeedResult, {ok: true}> | undefined;

	constructor(private readonly maxItems: number) {}

	/** False when `result` does not add up with the parts before it. */
	take(result: FeedResult): boolean {
		if (!result.ok || result.warnings.length > 0) return false;
		if (this.first !== undefined && result.title !== this.first.title) return false;
		this.first ??= result;
		for (const article of result.articles) {
			if (this.ids.has(article.id)) return false;
			this.ids.add(article.id);
			this.articles.push(article);
		}
		return this.articles.length <= this.maxItems;
	}

	/** Lets go of the articles taken: they will not be given. */
	clear(): void {
		this.articles.length = 0;
		this.ids.clear();
	}

	/** The parts taken so far as one result, undefined before the first. */
	result(articles: Article[] = this.articles): FeedResult | undefined {
		const {first} = this;
		return first === undefined ? undefined : {ok: true, source: first.source, title: first.title, articles, warnings: []};
	}
}

/** The result of the whole document from the results of its parts, or undefined when they may not add up to it exactly (see PartJoin). */
export function mergeFeedParts(results: readonly FeedResult[], maxItems: number): FeedResult | undefined {
	const join = new PartJoin(maxItems);
	for (const result of results) if (!join.take(result)) return undefined;
	return join.result();
}

/** A feed's parts joined as they are parsed (see createPartRun). */
export type PartRun = {
	/** Takes part `part` of `parts`; says what can be shown now, if anything new. */
	add(part: number, result: FeedResult, parts: number): FeedResult | undefined;
	/** The whole, once all `parts` parts were taken and add up (as mergeFeedParts would give it). */
	whole(parts: number): FeedResult | undefined;
};

/** How much a run shown must have grown since the last: showing them all costs at most a third more than showing the whole once. */
const GROWTH = 4;

/**
 * Joins a feed's parts as they are parsed, in any order, so the whole is ready when the last comes
 * in. With `partials`, it also says what can be shown before the rest arrive: the parts from the
 * first up to the first still missing, whenever they hold GROWTH times as many articles as the
 * last run it gave, and are not all of them (the whole follows at once). Once a part does not add
 * up, it gives nothing more: the whole will be parsed again, and its result replaces what was shown.
 */
export function createPartRun(maxItems: number, {partials = true}: {partials?: boolean} = {}): PartRun {
	const join = new PartJoin(maxItems);
	const waiting = new Map<number, FeedResult>();
	let next = 0;
	let adds = true;
	let given = 0;
	return {
		add(part, result, parts) {
			if (!adds) return undefined;
			waiting.set(part, result);
			for (let taken = waiting.get(next); taken !== undefined; taken = waiting.get(next)) {
				waiting.delete(next);
				next++;
				if (!join.take(taken)) {
					// The whole will be parsed again: none of this is needed meanwhile.
					adds = false;
					waiting.clear();
					join.clear();
					return undefined;
				}
			}
			const count = join.articles.length;
			if (!partials || next >= parts || count === 0 || count < GROWTH * given) return undefined;
			given = count;
			return join.result(join.articles.slice());
		},
		whole(parts) {
			return adds && next === parts ? join.result() : undefined;
		},
	};
}
