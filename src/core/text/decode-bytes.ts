import type * as IconvLite from 'iconv-lite';
import {lazyRequire} from '../../shims/lazy-require.js';
import {FeedError} from '../feed-error.js';
import {MAX_FEED_BYTES, tooLargeMessage} from '../limits.js';

const XML_DECLARATION_ENCODING = /^\s*<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;
const DECLARATION_PROBE_LENGTH = 512;

// Labels that name UTF-16 without saying which byte comes first.
const UTF16_LABELS = new Set(['utf-16', 'utf16', 'ucs-2', 'unicode', 'csunicode', 'iso-10646-ucs-2', 'unicodefeff']);

const iconv = lazyRequire<typeof IconvLite>('iconv-lite');

const UNICODE_DECODERS = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/**
 * UTF-8 and UTF-16 go through TextDecoder; everything else through iconv-lite, loaded only when a
 * feed needs it (Node 20's TextDecoder reads windows-1252 as Latin-1, losing curly quotes and the
 * euro sign). Undefined when the encoding is unknown.
 */
function decodeAs(bytes: Uint8Array, encoding: string): string | undefined {
	if (UNICODE_DECODERS.has(encoding)) return new TextDecoder(encoding).decode(bytes);
	const library = iconv();
	if (!library.encodingExists(encoding)) return undefined;
	return library.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true});
const lenientUtf8 = new TextDecoder('utf-8');

function normalizeLabel(label: string): string {
	return label
		.trim()
		.replace(/^["']|["']$/g, '')
		.trim()
		.toLowerCase();
}

/**
 * The encoding a label names, as browsers read it (the WHATWG Encoding Standard, which Node's
 * TextDecoder knows): iso-8859-1, latin1, us-ascii and their aliases are windows-1252 — legacy feeds
 * that say ISO-8859-1 routinely hold curly quotes and dashes from 0x80–0x9F — iso-8859-9 is
 * windows-1254, gb2312 is gbk. Labels only iconv-lite knows (utf-32, cp437…) are kept as they are.
 */
function encodingOf(label: string): string {
	try {
		return new TextDecoder(label).encoding;
	} catch {
		return label;
	}
}

/** The text when the bytes are valid UTF-8, else undefined. */
function strictUtf8Text(bytes: Uint8Array): string | undefined {
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return undefined;
	}
}

function hasNonAscii(bytes: Uint8Array): boolean {
	for (let index = 0; index < bytes.length; index++) if (bytes[index]! >= 0x80) return true;
	return false;
}

function decodeUtf8(bytes: Uint8Array): string {
	return lenientUtf8.decode(bytes);
}

// What a feed starts with: `<` (XML), `{` or `[` (JSON), or white space.
const FEED_STARTS = new Set([0x3c, 0x7b, 0x5b, 0x20, 0x09, 0x0a, 0x0d]);

// Without a BOM, UTF-16 text that starts like a feed shows which byte comes first.
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	if (FEED_STARTS.has(bytes[0]!) && bytes[1] === 0x00) return 'utf-16le';
	if (bytes[0] === 0x00 && FEED_STARTS.has(bytes[1]!)) return 'utf-16be';
	return undefined;
}

function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes with a declared label; undefined when the label is unknown or does not fit the bytes,
 * so the caller goes on to the next rule. Bytes that are valid UTF-8 with non-ASCII characters are
 * UTF-8 whatever legacy encoding the label names (the common mislabel); bytes labelled UTF-8 that
 * are not valid UTF-8 fall through to detection.
 */
function decodeAsDeclared(bytes: Uint8Array, rawLabel: string, fromXmlDeclaration: boolean): string | undefined {
	const label = normalizeLabel(rawLabel);
	if (!label) return undefined;
	const encoding = encodingOf(label);
	if (encoding === 'utf-8') return strictUtf8Text(bytes);
	if (encoding.startsWith('utf-16') || encoding.startsWith('utf-32') || UTF16_LABELS.has(label)) {
		// An XML declaration readable as Latin-1 cannot be in UTF-16/32: it lies.
		if (fromXmlDeclaration) return undefined;
		return decodeAs(bytes, UTF16_LABELS.has(label) ? (utf16Order(bytes) ?? 'utf-16le') : encoding);
	}
	return (hasNonAscii(bytes) ? strictUtf8Text(bytes) : undefined) ?? decodeAs(bytes, encoding);
}

function decodeWithBom(bytes: Uint8Array): string | undefined {
	const [b0, b1, b2, b3] = bytes;
	if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8(bytes.subarray(3));
	if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return decodeAs(bytes.subarray(4), 'utf-32le')!;
	if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return decodeAs(bytes.subarray(4), 'utf-32be')!;
	if (b0 === 0xff && b1 === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le')!;
	if (b0 === 0xfe && b1 === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be')!;
	return undefined;
}

function xmlDeclarationEncoding(bytes: Uint8Array): string | undefined {
	const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DECLARATION_PROBE_LENGTH)).toString('latin1');
	return XML_DECLARATION_ENCODING.exec(head)?.[1];
}

/**
 * Feed bytes to text. In order: a byte order mark (UTF-8, UTF-16LE/BE, UTF-32) wins; then
 * `declaredCharset` (e.g. from HTTP Content-Type); then the XML declaration's encoding; then
 * UTF-8 if the bytes are valid UTF-8 (or UTF-16 recognisable from a leading `<`); else
 * windows-1252. Unknown labels are ignored, never thrown on. The result has no BOM.
 * Throws FeedError only when the bytes exceed MAX_FEED_BYTES.
 */
export function decodeFeedBytes(bytes: Uint8Array, declaredCharset?: string): string {
	if (bytes.byteLength > MAX_FEED_BYTES) throw new FeedError(tooLargeMessage(bytes.byteLength, MAX_FEED_BYTES));
	const decoded =
		decodeWithBom(bytes) ??
		(declaredCharset === undefined ? undefined : decodeAsDeclared(bytes, declaredCharset, false)) ??
		decodeDeclaredInXml(bytes) ??
		decodeUndeclared(bytes);
	return stripBom(decoded);
}

/**
 * Whether a document that starts with `head` (its first HEAD_BYTES or more, or all of it) is one
 * that decodeFeedBytes reads as UTF-8 whenever its bytes are valid UTF-8, and would read any part
 * of it cut at ASCII characters the same way: no UTF-16/32, and a declared encoding (if any) that
 * valid UTF-8 overrides or matches. (split-xml-feed.ts cuts only such documents, valid throughout.)
 */
export function headAllowsUtf8(head: Uint8Array): boolean {
	const [b0, b1] = head;
	if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || utf16Order(head) !== undefined) return false;
	const declared = xmlDeclarationEncoding(head);
	if (declared === undefined) return true;
	const encoding = encodingOf(normalizeLabel(declared));
	return encoding === 'utf-8' || encoding === 'windows-1252';
}

/** How much of the start of a document headAllowsUtf8 looks at. */
export const HEAD_BYTES = DECLARATION_PROBE_LENGTH;

function decodeDeclaredInXml(bytes: Uint8Array): string | undefined {
	const label = xmlDeclarationEncoding(bytes);
	return label === undefined ? undefined : decodeAsDeclared(bytes, label, true);
}

function decodeUndeclared(bytes: Uint8Array): string {
	const utf16 = utf16Order(bytes);
	if (utf16) return decodeAs(bytes, utf16)!;
	return strictUtf8Text(bytes) ?? decodeAs(bytes, 'windows-1252')!;
}
