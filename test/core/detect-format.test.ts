import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {sniffText} from '../../src/core/detect-format.js';
import {jsonFeedKind} from '../../src/core/json/parse-json-feed.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

describe('telling JSON shapes apart', () => {
	it('recognizes JSON Feed 1.0 and 1.1 by their version', () => {
		expect(jsonFeedKind(JSON.parse(fixture('json/jsonfeed-1.0.json')))).toBe('json-feed');
		expect(jsonFeedKind(JSON.parse(fixture('json/jsonfeed-1.1.json')))).toBe('json-feed');
	});

	it('recognizes the simple JSON object and a bare array of articles', () => {
		expect(jsonFeedKind(JSON.parse(fixture('json/simple-object.json')))).toBe('flashnews-json');
		expect(jsonFeedKind(JSON.parse(fixture('json/simple-array.json')))).toBe('flashnews-json');
	});

	it('knows no shape for JSON that is neither', () => {
		expect(jsonFeedKind(JSON.parse(fixture('broken/wrong-shape.json')))).toBeNull();
	});
});

describe('sniffText', () => {
	it('decides from the first characters without parsing', () => {
		expect(sniffText('{ not even json')).toBe('json');
		expect(sniffText(' [')).toBe('json');
		expect(sniffText('<feed>')).toBe('xml');
		expect(sniffText('<html><p>')).toBe('html');
		expect(sniffText('hello')).toBe('unknown');
		expect(sniffText('')).toBe('unknown');
	});

	it('skips a byte order mark and leading whitespace', () => {
		expect(sniffText('\uFEFF\n  {"articles": []}')).toBe('json');
		expect(sniffText('\uFEFF  <?xml version="1.0"?><rss/>')).toBe('xml');
	});

	it('calls feeds XML and web pages HTML, also behind an XML declaration or comment', () => {
		expect(sniffText('<?xml version="1.0"?>\n<!-- generated --><feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe('xml');
		expect(sniffText('<rss version="2.0"><channel/></rss>')).toBe('xml');
		expect(sniffText(fixture('broken/page.html'))).toBe('html');
		expect(sniffText('<?xml version="1.0"?>\n<!-- x -->\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).toBe('html');
		expect(sniffText('<!doctype HTML><title>x</title>')).toBe('html');
	});

	it('does not mistake an XML element that starts with "html" for a page', () => {
		expect(sniffText('<htmlfeed><item/></htmlfeed>')).toBe('xml');
	});
});
