import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {detectFormat, sniffText} from '../../src/core/detect-format.js';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

describe('detectFormat', () => {
	it('recognizes JSON Feed 1.0 and 1.1 by their version', () => {
		expect(detectFormat(fixture('json/jsonfeed-1.0.json'))).toBe('json-feed');
		expect(detectFormat(fixture('json/jsonfeed-1.1.json'))).toBe('json-feed');
	});

	it('recognizes the simple JSON object and a bare array of articles', () => {
		expect(detectFormat(fixture('json/simple-object.json'))).toBe('flashnews-json');
		expect(detectFormat(fixture('json/simple-array.json'))).toBe('flashnews-json');
	});

	it('skips a byte order mark and leading whitespace', () => {
		expect(detectFormat('\uFEFF\n  {"articles": []}')).toBe('flashnews-json');
		expect(detectFormat('\uFEFF  <?xml version="1.0"?><rss/>')).toBe('xml');
	});

	it('calls feeds XML and web pages HTML, also behind an XML declaration or comment', () => {
		expect(detectFormat('<?xml version="1.0"?>\n<!-- generated --><feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe('xml');
		expect(detectFormat('<rss version="2.0"><channel/></rss>')).toBe('xml');
		expect(detectFormat(fixture('broken/page.html'))).toBe('html');
		expect(detectFormat('<?xml version="1.0"?>\n<!-- x -->\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).toBe('html');
		expect(detectFormat('<!doctype HTML><title>x</title>')).toBe('html');
	});

	it('does not mistake an XML element that starts with "html" for a page', () => {
		expect(detectFormat('<htmlfeed><item/></htmlfeed>')).toBe('xml');
	});

	it('says unknown for JSON of the wrong shape, broken JSON and prose', () => {
		expect(detectFormat(fixture('broken/wrong-shape.json'))).toBe('unknown');
		expect(detectFormat(fixture('broken/invalid.json'))).toBe('unknown');
		expect(detectFormat(fixture('broken/prose.txt'))).toBe('unknown');
		expect(detectFormat('')).toBe('unknown');
	});
});

describe('sniffText', () => {
	it('decides from the first characters without parsing', () => {
		expect(sniffText('{ not even json')).toBe('json');
		expect(sniffText(' [')).toBe('json');
		expect(sniffText('<feed>')).toBe('xml');
		expect(sniffText('<html><p>')).toBe('html');
		expect(sniffText('hello')).toBe('unknown');
	});
});
