import {describe, expect, it} from 'vitest';
import {findFeedLinks, isWebPage, webPageMessage} from '../../../src/core/web/feed-discovery.js';

const PAGE = 'https://blog.example/posts/today.html';

function page(head: string, body = '<p>Hello</p>'): string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>Blog</title>${head}</head><body>${body}</body></html>`;
}

describe('findFeedLinks', () => {
	it('finds RSS, Atom and JSON Feed alternates, resolved against the page URL, in page order', () => {
		const html = page(
			'<link rel="alternate" type="application/rss+xml" title="Posts" href="../feed.xml">' +
				'<LINK REL="Alternate" TYPE="application/atom+xml" HREF="/atom.xml">' +
				"<link rel=alternate type='application/feed+json' href=https://cdn.example/feed.json>",
		);
		expect(findFeedLinks(html, PAGE)).toEqual([
			{url: 'https://blog.example/feed.xml', format: 'rss', title: 'Posts'},
			{url: 'https://blog.example/atom.xml', format: 'atom'},
			{url: 'https://cdn.example/feed.json', format: 'json'},
		]);
	});

	it('resolves against <base href> when the page has one, and decodes entities in the href', () => {
		const html = page(
			'<base href="https://static.example/site/"><link rel="alternate" type="application/rss+xml" href="feed?a=1&amp;b=2">',
		);
		expect(findFeedLinks(html, PAGE)).toEqual([{url: 'https://static.example/site/feed?a=1&b=2', format: 'rss'}]);
	});

	it('ignores links that are not feeds, feeds that are not http(s), repeats and links after the head', () => {
		const html = page(
			'<link rel="stylesheet" type="text/css" href="/style.css">' +
				'<link rel="alternate" hreflang="fr" type="text/html" href="/fr/">' +
				'<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">' +
				'<link rel="alternate" type="application/rss+xml; charset=utf-8" href="/feed.xml">' +
				'<link rel="alternate" type="application/rss+xml" href="https://blog.example/feed.xml">',
			'<link rel="alternate" type="application/atom+xml" href="/in-body.xml">',
		);
		expect(findFeedLinks(html, PAGE)).toEqual([{url: 'https://blog.example/feed.xml', format: 'rss'}]);
	});

	it('finds nothing in a page without feed links', () => {
		expect(findFeedLinks(page('<link rel="icon" href="/favicon.ico">'), PAGE)).toEqual([]);
	});
});

describe('isWebPage', () => {
	it('recognises HTML and XHTML pages', () => {
		expect(isWebPage(page(''))).toBe(true);
		expect(
			isWebPage(
				'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"></html>',
			),
		).toBe(true);
		expect(isWebPage('<meta charset="utf-8"><title>No doctype</title><p>Hi')).toBe(true);
	});

	it('trusts a text/html Content-Type only when no feed element opens the document', () => {
		expect(isWebPage('<section>Hello</section>', 'text/html')).toBe(true);
		expect(isWebPage('<section>Hello</section>')).toBe(false);
		expect(isWebPage('<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'text/html')).toBe(false);
		expect(isWebPage('{"version": "https://jsonfeed.org/version/1.1"}', 'text/html')).toBe(false);
	});
});

describe('webPageMessage', () => {
	it('names the feed to add instead, and how many more the page names', () => {
		const links = [
			{url: 'https://blog.example/feed.xml', format: 'rss' as const},
			{url: 'https://blog.example/comments.xml', format: 'rss' as const},
		];
		expect(webPageMessage(links.slice(0, 1))).toBe(
			'is a web page, not a feed; its feed is https://blog.example/feed.xml (flashnews add https://blog.example/feed.xml)',
		);
		expect(webPageMessage(links)).toBe(
			'is a web page, not a feed; its feed is https://blog.example/feed.xml (flashnews add https://blog.example/feed.xml); it names 1 more',
		);
		expect(webPageMessage([])).toBe('is a web page, not a feed, and it names no feed');
	});
});
