import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {ArticleBody} from '../../../src/core/articles/article-body.js';
import {bodyToText, inlineHtmlToText, looksLikeHtml} from '../../../src/core/text/html-text.js';

const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const PROPERTY_RUNS = {seed: 4_172_025, numRuns: 150};

const html = (value: string): string => bodyToText({format: 'html', value});
const text = (value: string): string => bodyToText({format: 'text', value});

describe('bodyToText with HTML', () => {
	it('separates paragraphs by exactly one blank line', () => {
		expect(html('<p>First <b>bold</b> para.</p>\n\n<p></p><div><div>Second</div></div><p>Third</p>')).toBe(
			'First bold para.\n\nSecond\n\nThird',
		);
	});

	it('puts headings in a paragraph of their own without shouting', () => {
		expect(html('<h2>Big News</h2>Body text')).toBe('Big News\n\nBody text');
	});

	it('turns <br> into a newline', () => {
		expect(html('<p>line one<br>line two<br/>line three</p>')).toBe('line one\nline two\nline three');
	});

	it('writes lists as bullet and numbered lines, nested lists indented', () => {
		expect(html('<ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul><ol start="3"><li>x</li><li>y</li></ol>')).toBe(
			'• one\n• two\n  • inner\n\n3. x\n4. y',
		);
	});

	it('indents blockquotes', () => {
		expect(html('<p>He said:</p><blockquote><p>quoted</p><p>more</p></blockquote><p>after</p>')).toBe(
			'He said:\n\n  quoted\n\n  more\n\nafter',
		);
	});

	it('writes links as text followed by the url', () => {
		expect(html('<p>Read <a href="https://example.com/story">the story</a> now</p>')).toBe(
			'Read the story (https://example.com/story) now',
		);
	});

	it('writes a link whose text is its url only once', () => {
		expect(html('<a href="https://example.com/">https://example.com/</a>')).toBe('https://example.com/');
	});

	it('drops javascript: and data: urls but keeps the link text', () => {
		expect(html('<a href="javascript:alert(1)">one</a> <a href=" JaVa\tScript:x">two</a> <a href="data:text/html,x">three</a>')).toBe(
			'one two three',
		);
	});

	it('shows images by their alt text, and nothing for images without one', () => {
		expect(html('<p>Before <img src="a.png" alt="A  cat"> <img src="b.png"> after</p>')).toBe('Before [image: A cat] after');
	});

	it('lays out data tables in aligned columns', () => {
		expect(html('<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ana</td><td>12</td></tr></table>')).toBe('Name  Votes\nAna   12');
	});

	it('reads a one-column layout table as ordinary paragraphs', () => {
		expect(html('<table><tr><td><p>Para one</p><p>Para two</p></td></tr></table>')).toBe('Para one\n\nPara two');
	});

	it('decodes entities, also when the feed escaped them twice', () => {
		expect(html('<p>Tom &amp; Jerry &amp;amp; friends &eacute;t&eacute; &amp;quot;quoted&amp;quot;</p>')).toBe(
			'Tom & Jerry & friends été "quoted"',
		);
	});

	it('reads a body that is escaped HTML as HTML', () => {
		expect(html('&lt;p&gt;First&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;')).toBe('First\n\nSecond');
	});

	it('removes escape sequences that only appear once entities are decoded', () => {
		expect(html('<p>a&#27;[31mred&#27;[0m &#27;]8;;http://x&#7;link&#27;]8;;&#7;</p>')).toBe('ared link');
	});

	it('keeps preformatted text as it is', () => {
		expect(html('<pre>  indented\n    code</pre>')).toBe('  indented\n    code');
	});

	it('drops scripts, styles and embedded players', () => {
		expect(html('<script>alert(1)</script><style>p{}</style><video>No video support</video><p>Text</p>')).toBe('Text');
	});

	it('shows an inline SVG graphic by its title and description, and none of its drawing', () => {
		const svg =
			'<svg viewBox="0 0 9 9"><title>Rain &amp; snow</title><desc>Jan 80 mm</desc><g><title>Bar</title><rect/></g><text>axis</text></svg>';
		expect(html(`<p>Chart:</p>${svg}<p>After</p>`)).toBe('Chart:\n\nRain & snow\nJan 80 mm\nBar\n\nAfter');
		expect(html('<p>Before</p><svg><rect/><text>axis</text></svg><p>After</p>')).toBe('Before\n\nAfter');
	});

	it('turns non-breaking spaces into spaces and trims the ends', () => {
		expect(html('\n<p>&nbsp;a&nbsp;b&nbsp;&nbsp;</p>\n\n')).toBe('a b');
	});

	it('does not wrap long paragraphs', () => {
		const long = 'word '.repeat(100).trim();
		expect(html(`<p>${long}</p>`)).toBe(long);
	});

	it('survives markup nested thousands of levels deep', () => {
		expect(html(`${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}`)).toBe('deep');
	});
});

describe('bodyToText with plain text', () => {
	it('normalizes newlines and blank lines but decodes no entities', () => {
		expect(text('\r\n\r\nFirst &amp; line  \r\nsecond\r\n\r\n\r\n\r\nthird\t\n\n')).toBe('First &amp; line\nsecond\n\nthird');
	});

	it('removes control sequences', () => {
		expect(text('plain \u001B[31mred\u001B[0m text')).toBe('plain red text');
	});
});

describe('bodyToText', () => {
	it('answers repeated calls for the same body from its cache', () => {
		const body: ArticleBody = {format: 'html', value: '<p>cached</p>'};
		const first = bodyToText(body);
		body.value = '<p>changed</p>';
		expect(bodyToText(body)).toBe(first);
		expect(bodyToText({...body})).toBe('changed');
	});

	it('gives an empty string for an empty or malformed body', () => {
		expect(html('')).toBe('');
		expect(bodyToText(null as unknown as ArticleBody)).toBe('');
		expect(bodyToText({format: 'html', value: 42} as unknown as ArticleBody)).toBe('');
	});

	it('never throws and never lets a control character through, whatever the HTML', () => {
		const fragment = fc.oneof(
			fc.constantFrom(
				'<p>',
				'</p>',
				'<a href="javascript:x">',
				'<a href="http://x">',
				'</a>',
				'<ul><li>',
				'<ol><li>',
				'</li>',
				'<table><tr><td>',
				'<br>',
				'<img alt="',
				'">',
				'<pre>',
				'<blockquote>',
				'<!--',
				'-->',
				'&amp;',
				'&#27;',
				'&#x9b;',
				'&#7;',
				'&lt;',
				'&',
				'<',
				'>',
				'"',
			),
			fc.string({maxLength: 8, unit: 'binary'}),
			fc.constantFrom('\u001B[31m', '\u001B]8;;x\u0007', '\u009D0;t\u009C', '\u202E', '\r\n', '\t'),
		);
		const markup = fc.array(fragment, {maxLength: 40}).map(parts => parts.join(''));
		fc.assert(
			fc.property(markup, fc.constantFrom<'html' | 'text'>('html', 'text'), (value, format) => {
				const result = bodyToText({format, value});
				expect(result).not.toMatch(CONTROL);
				expect(result).not.toMatch(/\n\n\n/);
				expect(result).toBe(result.trim() === '' ? '' : result.replace(/^\n+/, '').trimEnd());
			}),
			PROPERTY_RUNS,
		);
	});
});

describe('inlineHtmlToText', () => {
	it.each([
		['strips tags', '<b>Breaking:</b> <i>news</i>', 'Breaking: news'],
		['decodes entities', 'Caf&eacute; &amp; Bar &#8211; open', 'Café & Bar – open'],
		['decodes double-escaped entities', 'Tom &amp;amp; Jerry', 'Tom & Jerry'],
		['decodes and strips double-escaped tags', '&amp;lt;b&amp;gt;Bold&amp;lt;/b&amp;gt; title', 'Bold title'],
		['keeps a lone less-than sign', 'a < b and c > d', 'a < b and c > d'],
		['keeps an ampersand that is not an entity', 'AT&T & Q&A', 'AT&T & Q&A'],
		['keeps generic type brackets that are not HTML', 'vector<int> and List<String>', 'vector<int> and List<String>'],
		['separates words around line breaks', 'one<br>two</p><p>three', 'one two three'],
		['removes comments', 'a<!-- hidden -->b', 'ab'],
		['removes escape sequences hidden in entities', 'x&#27;[31my&#x9b;', 'xy›'],
		['folds whitespace to one line', '  multi\n\tline  ', 'multi line'],
	])('%s', (_name, input, expected) => {
		expect(inlineHtmlToText(input)).toBe(expected);
	});

	it('never throws and never returns a control character or a newline', () => {
		const piece = fc.oneof(
			fc.string({maxLength: 10, unit: 'binary'}),
			fc.constantFrom('&amp;', '&amp;lt;', '&lt;', '&#27;', '&#10;', '<b>', '</b>', '<br/>', '<', '&', '\u001B]0;x', '\u009B1m'),
		);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 20}), parts => {
				const result = inlineHtmlToText(parts.join(''));
				expect(result).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
				expect(result).toBe(result.trim());
			}),
			PROPERTY_RUNS,
		);
	});
});

describe('looksLikeHtml', () => {
	it.each(['<p>Hello</p>', 'line<br/>break', '<a href="https://x">x</a>', 'Tom &amp; Jerry', 'dash &#8211; here'])(
		'recognizes %j as HTML',
		value => {
			expect(looksLikeHtml(value)).toBe(true);
		},
	);

	it.each(['plain text', 'a < b > c', 'AT&T', 'vector<int>', 'R&D; budget'])('does not take %j for HTML', value => {
		expect(looksLikeHtml(value)).toBe(false);
	});
});
