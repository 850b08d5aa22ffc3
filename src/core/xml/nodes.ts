// Reading xml2js nodes (as rss-parser hands them over with keepArray) without trusting their
// shape: an element is a string, an empty string, or an object with `_` (text) and `$`
// (attributes) and one array per child element name.

type XmlObject = Record<string, unknown>;

function isObject(value: unknown): value is XmlObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The nodes of one field: an array as is, anything else as a list of zero or one. */
export function nodeList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return value === undefined || value === null ? [] : [value];
}

/** An attribute of an element, or of an attributes object itself (`$` copied out). */
export function attribute(node: unknown, name: string): string | undefined {
	if (!isObject(node)) return undefined;
	const attributes = isObject(node.$) ? node.$ : undefined;
	const value = attributes?.[name];
	return typeof value === 'string' ? value : undefined;
}

/** The attributes object copied out of a `$` field. */
export function attributeOf(attributes: unknown, name: string): string | undefined {
	if (!isObject(attributes)) return undefined;
	const value = attributes[name];
	return typeof value === 'string' ? value : undefined;
}

function collectText(node: XmlObject, parts: string[]): void {
	for (const [key, value] of Object.entries(node)) {
		if (key === '$') continue;
		if (key === '_') {
			if (typeof value === 'string') parts.push(value);
			continue;
		}
		for (const child of nodeList(value)) {
			if (typeof child === 'string') parts.push(child);
			else if (isObject(child)) collectText(child, parts);
		}
	}
}

/**
 * The text of an element. Child elements (markup that was not escaped) contribute their text too,
 * separated by spaces so words do not run together: xml2js has lost their order relative to the
 * parent's own text, so this is a last resort.
 * Recursion is bounded by MAX_ELEMENT_DEPTH, which repairXml enforces before parsing.
 */
export function nodeText(node: unknown): string {
	if (typeof node === 'string') return node;
	if (!isObject(node)) return '';
	const own = node._;
	if (typeof own === 'string' && Object.keys(node).every(key => key === '_' || key === '$')) return own;
	const parts: string[] = [];
	collectText(node, parts);
	return parts.join(' ');
}

/** Text of the first node whose text is not blank. */
export function firstText(value: unknown): {node: unknown; text: string} | undefined {
	for (const node of nodeList(value)) {
		const text = nodeText(node);
		if (text.trim() !== '') return {node, text};
	}
	return undefined;
}

/** Trimmed text of every node, blanks dropped. */
export function allTexts(value: unknown): string[] {
	const texts: string[] = [];
	for (const node of nodeList(value)) {
		const text = nodeText(node).trim();
		if (text !== '') texts.push(text);
	}
	return texts;
}

/** Child elements named `name` of an element node. */
export function children(node: unknown, name: string): unknown[] {
	return isObject(node) ? nodeList(node[name]) : [];
}
