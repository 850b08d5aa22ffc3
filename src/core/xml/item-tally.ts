/**
 * What the repair scan learns about a document's items (RSS items, Atom entries) as it meets them:
 * how many there are, which ones fall beyond the limit, which are wholly empty (no text and no
 * attribute anywhere inside), and whether some other element stands between two of them at the
 * same level (split-xml-feed.ts must then parse the whole document).
 */
export class ItemTally {
	count = 0;
	dropped = 0;
	interleaved = false;
	/** Positions, among the items kept, of the wholly empty ones. */
	readonly empty: number[] = [];
	/** Depth where items open (their parent's depth), once the first one has. */
	private level: number | undefined;
	private otherSinceItem = false;
	/** The stack length inside the open item while nothing has been found in it yet, else -1. */
	private emptyItemDepth = -1;

	constructor(private readonly maxItems: number) {}

	/**
	 * Counts an item opening at `depth`, whose start tag has attributes or not; true when it is one
	 * too many and must be left out.
	 */
	item(depth: number, hasAttributes: boolean, selfClosing: boolean): boolean {
		this.level ??= depth;
		if (this.otherSinceItem) this.interleaved = true;
		this.count++;
		if (this.count > this.maxItems) {
			this.dropped++;
			return true;
		}
		if (hasAttributes) return false;
		if (selfClosing) this.empty.push(this.count - 1);
		else this.emptyItemDepth = depth + 1;
		return false;
	}

	/** Notes an element that is not an item, opening at `depth`. */
	other(depth: number): void {
		if (depth === this.level) this.otherSinceItem = true;
	}

	/** True while an open item has shown no text or attribute yet. */
	get watching(): boolean {
		return this.emptyItemDepth >= 0;
	}

	/** The open item holds something. */
	content(): void {
		this.emptyItemDepth = -1;
	}

	/** Elements closed down to stack length `depth`: an item still empty at its end is recorded. */
	closedTo(depth: number): void {
		if (this.emptyItemDepth < 0 || depth >= this.emptyItemDepth) return;
		this.empty.push(this.count - 1);
		this.emptyItemDepth = -1;
	}
}

/** True when text[from, to) has a character other than XML white space. */
export function hasText(text: string, from: number, to: number): boolean {
	for (let index = from; index < to; index++) {
		const code = text.charCodeAt(index);
		if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0x0d) return true;
	}
	return false;
}
