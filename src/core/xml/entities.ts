import {decodeHtmlStrict} from '../text/html-entities.js';

/**
 * One `&` that may need repair, with what may follow it as a reference. XML's own five named
 * references never match (escaped HTML is full of them; each match costs a callback). Bounded
 * repetitions keep matching linear.
 */
export const AMPERSAND_PATTERN = '&(?!(?:amp|lt|gt|quot|apos);)(?:#\\d{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,40};)?';
const AMPERSAND = new RegExp(AMPERSAND_PATTERN, 'g');

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const REPLACEMENT_CHARACTER = '\uFFFD';

// Known names (about 2,200 exist) are all cached; unknown ones only up to a bound, so a document
// full of invented names cannot grow memory.
const htmlEntityReferences = new Map<string, string>();
const unknownEntityNames = new Set<string>();
const MAX_UNKNOWN_NAMES = 4096;

function isXmlChar(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7ff) ||
		(code >= 0xe000 && code <= 0xfffd) ||
		(code >= 0x10000 && code <= 0x10ffff)
	);
}

function numericReferences(text: string): string {
	let references = '';
	for (const character of text) references += `&#${character.codePointAt(0)};`;
	return references;
}

function htmlEntityAsNumeric(name: string): string | undefined {
	const cached = htmlEntityReferences.get(name);
	if (cached !== undefined) return cached;
	if (unknownEntityNames.has(name)) return undefined;
	const reference = `&${name};`;
	const decoded = decodeHtmlStrict(reference);
	if (decoded === reference) {
		if (unknownEntityNames.size < MAX_UNKNOWN_NAMES) unknownEntityNames.add(name);
		return undefined;
	}
	const numeric = numericReferences(decoded);
	htmlEntityReferences.set(name, numeric);
	return numeric;
}

function repairNumericReference(reference: string): string {
	const hex = reference[2] === 'x' || reference[2] === 'X';
	const code = Number.parseInt(reference.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
	if (isXmlChar(code)) return reference;
	// sax rejects references to characters XML forbids. A C0 control is kept as the raw
	// character (sax accepts those, and normalization strips whole escape sequences); anything
	// else (NUL, surrogates, beyond U+10FFFF, U+FFFE/U+FFFF) cannot be represented.
	if (code > 0 && code < 0x20) return String.fromCharCode(code);
	return REPLACEMENT_CHARACTER;
}

/**
 * What one `&…` match (as found by the AMPERSAND pattern) must become for a strict XML parser:
 * XML's own references and valid character references stay; HTML named entities become numeric
 * references; anything else gets its `&` escaped so it reads as literal text.
 */
export function repairReference(match: string): string {
	if (match.length === 1) return '&amp;';
	if (match[1] === '#') return repairNumericReference(match);
	const name = match.slice(1, -1);
	if (XML_ENTITIES.has(name)) return match;
	return htmlEntityAsNumeric(name) ?? `&amp;${match.slice(1)}`;
}

/** Every `&` in `text` repaired as repairReference says. */
export function repairAmpersands(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(AMPERSAND, repairReference);
}
