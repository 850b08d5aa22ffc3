import type {XmlDialect} from './dialect.js';

// What the repair pass (repair.ts) takes and reports.

export type RepairedXml = {
	xml: string;
	/** Name of the first element, as written (`rss`, `r:rss`, `feed`, `rdf:RDF`, `html`…). */
	rootName?: string;
	/** What the first element makes the document. */
	dialect: XmlDialect;
	/** Name given by the <!DOCTYPE …> of the prolog, before it was removed. */
	doctypeName?: string;
	/** Items (RSS) or entries (Atom) in the document, including any dropped. */
	itemCount: number;
	/** Items left out because of `maxItems`. */
	droppedItems: number;
	/** Positions, among the items kept, of those with no text and no attribute anywhere inside. */
	emptyItems: number[];
	/** Some other element stands between two items, beside them (a feed element amid the items). */
	interleaved: boolean;
};

export type RepairOptions = {
	/** Items (entries) after this many are removed from the output, unparsed. */
	maxItems?: number;
};
