import {describe, expect, it} from 'vitest';
import {NamespaceScope} from '../../../src/core/xml/element-names.js';

const inRss = (tag: string) => NamespaceScope.document().inside(tag).forDialect('rss');

describe('NamespaceScope', () => {
	it('names RSS elements by namespace whatever their prefix, and keeps unprefixed names as they are', () => {
		const scope = inRss('<r:rss xmlns:r="http://backend.userland.com/rss2">');
		expect(scope.canonical('r:rss')).toBe('rss');
		expect(scope.canonical('r:pubDate')).toBe('pubDate');
		expect(scope.canonical('guid')).toBe('guid');
	});

	it('names Dublin Core, DC terms, content and xhtml elements with their usual prefixes', () => {
		const scope = inRss(
			'<rss xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:t="http://purl.org/dc/terms/" xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:h="http://www.w3.org/1999/xhtml">',
		);
		expect(['d:creator', 'd:Date', 't:issued', 'c:encoded', 'h:body'].map(name => scope.canonical(name))).toEqual([
			'dc:creator',
			'dc:date',
			'dcterms:issued',
			'content:encoded',
			'xhtml:body',
		]);
	});

	it('reads a default namespace, and a prefix nobody declared as written', () => {
		const scope = inRss('<rss>').inside('<date xmlns="http://purl.org/dc/elements/1.1/">');
		expect(scope.canonical('date')).toBe('dc:date');
		expect(inRss('<rss>').canonical('dc:creator')).toBe('dc:creator');
	});

	it('gives Atom elements inside RSS the atom: prefix, and none inside Atom', () => {
		expect(inRss('<rss xmlns:a10="http://www.w3.org/2005/Atom">').canonical('a10:link')).toBe('atom:link');
		const atom = NamespaceScope.document().inside('<a:feed xmlns:a="http://www.w3.org/2005/Atom">').forDialect('atom');
		expect(atom.canonical('a:entry')).toBe('entry');
	});

	it('matches the core vocabulary without regard to case, as CDF writes it', () => {
		const scope = inRss('<CHANNEL>');
		expect(['CHANNEL', 'Item', 'ABSTRACT', 'PUBDATE', 'Unknown'].map(name => scope.canonical(name))).toEqual([
			'channel',
			'item',
			'abstract',
			'pubDate',
			'Unknown',
		]);
	});

	it('names the RDF root rdf:RDF under any prefix, and renames attributes of known namespaces', () => {
		const scope = inRss('<R:RDF xmlns:R="http://www.w3.org/1999/02/22-rdf-syntax-ns#">');
		expect(scope.canonical('R:RDF')).toBe('rdf:RDF');
		expect(scope.canonicalAttributes('<item R:about="x" other:about="y">')).toBe('<item rdf:about="x" other:about="y">');
		expect(inRss('<rss>').canonicalAttributes('<item R:about="x">')).toBe('<item R:about="x">');
	});

	it('lets an inner declaration hide an outer one, and only inside its element', () => {
		const outer = inRss('<rss xmlns:x="http://purl.org/dc/elements/1.1/">');
		const inner = outer.inside('<item xmlns:x="http://example.com/other">');
		expect(inner.canonical('x:date')).toBe('x:date');
		expect(outer.canonical('x:date')).toBe('dc:date');
	});

	it('keeps a prototype-like element name as it is', () => {
		expect(inRss('<rss>').canonical('__proto__')).toBe('__proto__');
		expect(inRss('<rss>').canonical('constructor')).toBe('constructor');
	});
});
