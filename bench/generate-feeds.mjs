// Deterministic RSS 2.0, Atom and JSON Feed files of a given size, with realistic items
// (title, link, guid, date, author, category, ~1 KB HTML body). Same seed → byte-identical files,
// so generated files in bench/out/ are reused across runs.
import {existsSync, mkdirSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';

const GENERATOR_VERSION = 2;
const NEWEST_DATE = Date.UTC(2025, 5, 1, 12, 0, 0);

/** The newest item's title carries this word, so a screen showing it shows the top of the list. */
export const NEWEST_MARKER = 'Lighthouseward';

export const FORMATS = /** @type {const} */ (['rss', 'atom', 'json']);
const EXTENSIONS = {rss: 'rss', atom: 'atom', json: 'json'};

const WORDS = `council harbour election bridge market winter museum railway festival budget school river
	coast farmers hospital minister storm library mountain village energy water court police village
	football season orchestra airport factory reform union strike drought harvest vaccine satellite
	ferry tunnel border treaty island forest university teacher doctor voters mayor province archive
	exhibition concert theatre bakery fishermen vineyard highway commuters pension tourism heritage`
	.split(/\s+/)
	.filter(Boolean);
const AUTHORS = ['Ana Berisha', 'Jon Kelmendi', 'Mira Hoxha', 'Petr Novak', 'Lena Fischer', 'Sam Okafor', 'Ines Duarte', 'Yuki Sato'];
const SECTIONS = ['Politics', 'Economy', 'Culture', 'Sport', 'Science', 'World', 'Local', 'Opinion'];

/** mulberry32: tiny, fast, good enough for filler text and replayable random sessions. */
export function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick(random, list) {
	return list[Math.floor(random() * list.length)];
}

function sentence(random, words) {
	const parts = [];
	for (let i = 0; i < words; i++) parts.push(pick(random, WORDS));
	const text = parts.join(' ');
	return text[0].toUpperCase() + text.slice(1);
}

function htmlBody(random, index) {
	const paragraphs = [];
	let length = 0;
	while (length < 720) {
		const first = sentence(random, 8 + Math.floor(random() * 8));
		const second = sentence(random, 6 + Math.floor(random() * 10));
		const paragraph = `<p>${first} <a href="https://news.example.com/topics/${pick(random, WORDS)}">${pick(random, WORDS)}</a>. <em>${second}</em> &amp; more.</p>`;
		paragraphs.push(paragraph);
		length += paragraph.length;
	}
	if (index % 5 === 0) paragraphs.push(`<img src="https://img.example.com/${index}.jpg" alt="photo">`);
	return paragraphs.join('\n');
}

/** The items every format shares, newest first. */
export function* generateItems(count, seed = 20250601) {
	const random = seededRandom(seed);
	let published = NEWEST_DATE;
	for (let index = 0; index < count; index++) {
		const title =
			index === 0 ? `${NEWEST_MARKER} keepers return to the island` : `${sentence(random, 5 + Math.floor(random() * 6))} (${index})`;
		yield {
			id: `urn:bench:item:${index}`,
			title,
			link: `https://news.example.com/${2025 - Math.floor(index / 20000)}/story-${index}`,
			published: new Date(published),
			author: pick(random, AUTHORS),
			section: pick(random, SECTIONS),
			html: htmlBody(random, index),
		};
		published -= 60_000 + Math.floor(random() * 600_000);
	}
}

function escapeXml(text) {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function rssDocument(count) {
	const out = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
		'<channel>',
		`<title>Bench Daily RSS ${count}</title>`,
		'<link>https://news.example.com/</link>',
		'<description>Generated for the flashnews benchmark</description>',
	];
	for (const item of generateItems(count)) {
		out.push(
			'<item>',
			`<title>${escapeXml(item.title)}</title>`,
			`<link>${item.link}</link>`,
			`<guid isPermaLink="false">${item.id}</guid>`,
			`<pubDate>${item.published.toUTCString()}</pubDate>`,
			`<dc:creator>${item.author}</dc:creator>`,
			`<category>${item.section}</category>`,
			`<description><![CDATA[${item.html}]]></description>`,
			'</item>',
		);
	}
	out.push('</channel>', '</rss>', '');
	return out.join('\n');
}

function atomDocument(count) {
	const out = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`<title>Bench Daily Atom ${count}</title>`,
		'<link href="https://news.example.com/"/>',
		'<id>urn:bench:atom</id>',
		`<updated>${new Date(NEWEST_DATE).toISOString()}</updated>`,
	];
	for (const item of generateItems(count)) {
		out.push(
			'<entry>',
			`<title>${escapeXml(item.title)}</title>`,
			`<link rel="alternate" href="${item.link}"/>`,
			`<id>${item.id}</id>`,
			`<published>${item.published.toISOString()}</published>`,
			`<updated>${item.published.toISOString()}</updated>`,
			`<author><name>${item.author}</name></author>`,
			`<category term="${item.section}"/>`,
			`<content type="html">${escapeXml(item.html)}</content>`,
			'</entry>',
		);
	}
	out.push('</feed>', '');
	return out.join('\n');
}

function jsonFeedDocument(count) {
	const items = [];
	for (const item of generateItems(count)) {
		items.push({
			id: item.id,
			url: item.link,
			title: item.title,
			content_html: item.html,
			date_published: item.published.toISOString(),
			authors: [{name: item.author}],
			tags: [item.section],
		});
	}
	const feed = {
		version: 'https://jsonfeed.org/version/1.1',
		title: `Bench Daily JSON ${count}`,
		home_page_url: 'https://news.example.com/',
		items,
	};
	return `${JSON.stringify(feed, null, 1)}\n`;
}

const RENDERERS = {rss: rssDocument, atom: atomDocument, json: jsonFeedDocument};

export function feedFileName(format, count) {
	return `bench-v${GENERATOR_VERSION}-${count}.${EXTENSIONS[format]}`;
}

/** Writes the feed unless an identical one (same generator version) is already there; returns its path. */
export function ensureFeed(directory, format, count) {
	mkdirSync(directory, {recursive: true});
	const file = path.join(directory, feedFileName(format, count));
	if (existsSync(file)) return file;
	const partial = `${file}.partial`;
	writeFileSync(partial, RENDERERS[format](count));
	renameSync(partial, file);
	return file;
}
