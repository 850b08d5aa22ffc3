// Articles in a form that costs little to hand from one thread to another: everything but the
// bodies as small rows, and the bodies as UTF-8 in one block of bytes that can be transferred
// without a copy. Taking in the rows is quick, and the bodies become strings only when read (an
// article opened, a search over bodies), so a large feed's bodies never have to be rebuilt as
// strings, nor collected, all at once.
import type {Article, ArticleBody} from './article.js';

type Format = ArticleBody['format'];

type Row = [
	id: string,
	title: string,
	author: string | null,
	feed: string,
	section: string | null,
	published: number | null,
	link: string | null,
	categories: string[],
	summary: [Format, string | undefined],
	content: [Format, string | undefined],
];

export type PackedArticles = {
	rows: Row[];
	/** The summary and content of each article in turn, as UTF-8. */
	bytes: Uint8Array<ArrayBuffer>;
	/** Where each body ends in `bytes`: article i's summary ends at ends[2i], its content at ends[2i + 1]. */
	ends: Uint32Array<ArrayBuffer>;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Appends `text` as UTF-8 at `at`, growing `into` as needed; the new end and the (maybe new) array. */
function append(into: Uint8Array<ArrayBuffer>, at: number, text: string): [Uint8Array<ArrayBuffer>, number] {
	let bytes = into;
	// Up to three bytes per UTF-16 unit.
	if (bytes.length - at < text.length * 3) {
		const grown = new Uint8Array(Math.max(bytes.length * 2, at + text.length * 3));
		grown.set(bytes.subarray(0, at));
		bytes = grown;
	}
	const {written} = encoder.encodeInto(text, bytes.subarray(at));
	return [bytes, at + written];
}

export function packArticles(articles: readonly Article[]): PackedArticles {
	const rows: Row[] = [];
	const ends = new Uint32Array(articles.length * 2);
	let bytes = new Uint8Array(64 * 1024);
	let at = 0;
	for (const [index, article] of articles.entries()) {
		const {summary, content} = article;
		[bytes, at] = append(bytes, at, summary.value);
		ends[index * 2] = at;
		[bytes, at] = append(bytes, at, content.value);
		ends[index * 2 + 1] = at;
		rows.push([
			article.id,
			article.title,
			article.author,
			article.feed,
			article.section,
			article.published,
			article.link,
			article.categories,
			[summary.format, summary.base],
			[content.format, content.base],
		]);
	}
	return {rows, bytes: bytes.slice(0, at), ends};
}

function body([format, base]: [Format, string | undefined], bytes: Uint8Array, start: number, end: number): ArticleBody {
	const value = decoder.decode(bytes.subarray(start, end));
	return base === undefined ? {format, value} : {format, value, base};
}

/** An article whose bodies are read from the packed bytes each time they are asked for. */
class PackedArticle implements Article {
	readonly id: string;
	readonly title: string;
	readonly author: string | null;
	readonly feed: string;
	readonly section: string | null;
	readonly published: number | null;
	readonly link: string | null;
	readonly categories: string[];
	readonly #row: Row;
	readonly #packed: PackedArticles;
	readonly #index: number;

	constructor(row: Row, packed: PackedArticles, index: number) {
		[this.id, this.title, this.author, this.feed, this.section, this.published, this.link, this.categories] = row;
		this.#row = row;
		this.#packed = packed;
		this.#index = index;
	}

	get summary(): ArticleBody {
		const {bytes, ends} = this.#packed;
		return body(this.#row[8], bytes, this.#index === 0 ? 0 : ends[this.#index * 2 - 1]!, ends[this.#index * 2]!);
	}

	get content(): ArticleBody {
		const {bytes, ends} = this.#packed;
		return body(this.#row[9], bytes, ends[this.#index * 2]!, ends[this.#index * 2 + 1]!);
	}
}

/** The articles of `packed`; their bodies are not own properties, so copies go through `copyArticle`. */
export function unpackArticles(packed: PackedArticles): Article[] {
	return packed.rows.map((row, index) => new PackedArticle(row, packed, index));
}

/** What to transfer along with `packed` instead of copying it. */
export function transferablesOf(packed: PackedArticles): ArrayBuffer[] {
	return [packed.bytes.buffer, packed.ends.buffer];
}
