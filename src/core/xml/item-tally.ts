/**
 * What the repair scan learns about a document's items (RSS items, Atom entries) as it meets them:
 * how many there are, which ones fall beyond the limit, and whether some other element stands
 * between two of them at the same level (split-xml-feed.ts must then parse the whole document).
 */
export class ItemTally {
	count = 0;
	dropped = 0;
	interleaved = false;
	/** Depth where items open (their parent's depth), once the first one has. */
	private level: number | undefined;
	private otherSinceItem = false;

	constructor(private readonly maxItems: number) {}

	/** Counts an item opening at `depth`; true when it is one too many and must be left out. */
	item(depth: number): boolean {
		this.level ??= depth;
		if (this.otherSinceItem) this.interleaved = true;
		this.count++;
		if (this.count <= this.maxItems) return false;
		this.dropped++;
		return true;
	}

	/** Notes an element that is not an item, opening at `depth`. */
	other(depth: number): void {
		if (depth === this.level) this.otherSinceItem = true;
	}
}
