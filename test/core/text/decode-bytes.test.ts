import iconv from 'iconv-lite';
import {describe, expect, it} from 'vitest';
import {FeedError} from '../../../src/core/feed-error.js';
import {MAX_FEED_BYTES} from '../../../src/core/limits.js';
import {decodeFeedBytes} from '../../../src/core/text/decode-bytes.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

describe('decodeFeedBytes', () => {
	it('decodes UTF-8 with a byte order mark and drops the mark', () => {
		const text = decodeFeedBytes(concat(bytes(0xef, 0xbb, 0xbf), Buffer.from('<rss>Grüße</rss>')));
		expect(text).toBe('<rss>Grüße</rss>');
	});

	it('decodes UTF-16 little- and big-endian from their byte order marks', () => {
		const document = '<?xml version="1.0" encoding="UTF-16"?><rss>Ελληνικά ✓</rss>';
		const little = concat(bytes(0xff, 0xfe), Buffer.from(document, 'utf16le'));
		const big = concat(bytes(0xfe, 0xff), iconv.encode(document, 'utf-16be'));
		expect(decodeFeedBytes(little)).toBe(document);
		expect(decodeFeedBytes(big)).toBe(document);
	});

	it('lets the byte order mark win over a declared charset', () => {
		const withBom = concat(bytes(0xef, 0xbb, 0xbf), Buffer.from('<a>é</a>'));
		expect(decodeFeedBytes(withBom, 'windows-1251')).toBe('<a>é</a>');
	});

	it('uses the declared charset before the XML declaration', () => {
		const russian = concat(ascii('<?xml version="1.0" encoding="windows-1252"?><a>'), iconv.encode('Привет', 'koi8-r'), ascii('</a>'));
		expect(decodeFeedBytes(russian, 'KOI8-R')).toBe('<?xml version="1.0" encoding="windows-1252"?><a>Привет</a>');
		expect(decodeFeedBytes(russian, '"koi8-r"')).toContain('Привет');
	});

	it('uses the encoding named in the XML declaration', () => {
		const japanese = concat(ascii("<?xml version='1.0' encoding='Shift_JIS'?><a>"), iconv.encode('ニュース', 'shift_jis'), ascii('</a>'));
		expect(decodeFeedBytes(japanese)).toContain('<a>ニュース</a>');
	});

	it('reads ISO-8859-1 as windows-1252, so curly quotes from 0x93/0x94 survive', () => {
		const latin = concat(ascii('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), bytes(0x93, 0x43, 0x61, 0x66, 0xe9, 0x94), ascii('</a>'));
		expect(decodeFeedBytes(latin)).toContain('<a>\u201CCafé\u201D</a>');
	});

	it.each(['latin1', 'US-ASCII', 'cp819', 'ISO_8859-1:1987', 'iso88591', 'l1'])(
		'reads a document labelled %s as windows-1252, as browsers do',
		label => {
			const legacy = concat(ascii(`<?xml version="1.0" encoding="${label}"?><a>`), bytes(0x93, 0x80, 0x96, 0x85, 0x94), ascii('</a>'));
			expect(decodeFeedBytes(legacy)).toContain('<a>\u201C\u20AC\u2013\u2026\u201D</a>');
			expect(decodeFeedBytes(concat(ascii('<a>'), bytes(0x93, 0x94), ascii('</a>')), label)).toBe('<a>\u201C\u201D</a>');
		},
	);

	it('reads the other labels browsers map to a windows code page the same way', () => {
		const turkish = concat(ascii('<?xml version="1.0" encoding="ISO-8859-9"?><a>'), bytes(0x93, 0xfe, 0x94), ascii('</a>'));
		expect(decodeFeedBytes(turkish)).toContain('<a>\u201C\u015F\u201D</a>');
	});

	it('reads valid UTF-8 under any legacy label as UTF-8', () => {
		const utf8 = Buffer.from('<?xml version="1.0" encoding="iso-8859-2"?><a>Zürich “quoted”</a>');
		expect(decodeFeedBytes(utf8)).toContain('<a>Zürich “quoted”</a>');
	});

	it('treats undeclared valid UTF-8 as UTF-8', () => {
		expect(decodeFeedBytes(Buffer.from('<a>naïve — “quoted”</a>'))).toBe('<a>naïve — “quoted”</a>');
	});

	it('falls back to windows-1252 for undeclared bytes that are not valid UTF-8', () => {
		const legacy = concat(ascii('<a>'), bytes(0x93, 0x68, 0x69, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9), ascii('</a>'));
		expect(decodeFeedBytes(legacy)).toBe('<a>\u201Chi\u201D café</a>');
	});

	it('ignores an unknown declared encoding instead of throwing', () => {
		expect(decodeFeedBytes(Buffer.from('<a>ok ✓</a>'), 'x-no-such-charset')).toBe('<a>ok ✓</a>');
		const legacy = concat(ascii('<?xml version="1.0" encoding="bogus-8"?><a>'), bytes(0xe9), ascii('</a>'));
		expect(decodeFeedBytes(legacy)).toContain('<a>é</a>');
	});

	it('does not trust a UTF-8 label on bytes that are not UTF-8', () => {
		const legacy = concat(ascii('<a>'), bytes(0xe9, 0x74, 0xe9), ascii('</a>'));
		expect(decodeFeedBytes(legacy, 'utf-8')).toBe('<a>été</a>');
	});

	it('reads valid UTF-8 labelled as Latin-1 as UTF-8', () => {
		const utf8 = Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><a>Zürich</a>');
		expect(decodeFeedBytes(utf8)).toContain('<a>Zürich</a>');
		expect(decodeFeedBytes(utf8, 'ISO-8859-1')).toContain('<a>Zürich</a>');
	});

	it('recognises UTF-16 without a byte order mark from the leading <', () => {
		expect(decodeFeedBytes(Buffer.from('<rss>Ω</rss>', 'utf16le'))).toBe('<rss>Ω</rss>');
		expect(decodeFeedBytes(iconv.encode('<rss>Ω</rss>', 'utf-16be'))).toBe('<rss>Ω</rss>');
	});

	it('ignores a UTF-16 label in a declaration that was readable as single bytes', () => {
		const lying = ascii('<?xml version="1.0" encoding="UTF-16"?><a>plain</a>');
		expect(decodeFeedBytes(lying)).toBe('<?xml version="1.0" encoding="UTF-16"?><a>plain</a>');
	});

	it('decodes empty input to empty text', () => {
		expect(decodeFeedBytes(new Uint8Array(0))).toBe('');
	});

	it('refuses input over the size limit with a one-line FeedError', () => {
		const huge = new Uint8Array(MAX_FEED_BYTES + 1);
		expect(() => decodeFeedBytes(huge)).toThrow(FeedError);
		expect(() => decodeFeedBytes(huge)).toThrow(/^feed is too large \(201 MB; limit 200 MB\)$/);
	});
});
