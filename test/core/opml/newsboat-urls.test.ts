import {describe, expect, it} from 'vitest';
import {parseNewsboatUrls} from '../../../src/core/opml/newsboat-urls.js';
import {parseSubscriptionFile} from '../../../src/core/opml/subscription-file.js';

const URLS = [
	'# my newsboat urls',
	'',
	'https://plain.example/feed.xml',
	'https://tagged.example/rss tech "~Tagged Title"',
	'  https://quoted.example/atom "world news" "~Says \\"hi\\"" # a comment after the tags',
	'https://hidden.example/feed ! "~Hidden feed"',
	'https://many.example/feed first second',
	'https://fragment.example/feed#section',
	'"query:Unread Articles:unread = \\"yes\\""',
	'exec:~/bin/make-feed.sh',
	'filter:~/bin/clean.sh:https://filtered.example/feed',
	'file:///home/me/local-feed.xml local',
	'https://plain.example/feed.xml again',
	'',
].join('\r\n');

describe('parseNewsboatUrls', () => {
	it('reads URLs, titles from ~tags and the first tag as a group, skipping comments and query feeds', () => {
		expect(parseNewsboatUrls(URLS)).toEqual({
			ok: true,
			subscriptions: [
				{url: 'https://plain.example/feed.xml'},
				{url: 'https://tagged.example/rss', title: 'Tagged Title', group: ['tech']},
				{url: 'https://quoted.example/atom', title: 'Says "hi"', group: ['world news']},
				{url: 'https://hidden.example/feed', title: 'Hidden feed'},
				{url: 'https://many.example/feed', group: ['first']},
				{url: 'https://fragment.example/feed#section'},
				{url: 'file:///home/me/local-feed.xml', group: ['local']},
			],
			warnings: [
				'skipped 2 feeds made by a script (exec: or filter:), which flashnews does not run',
				'1 feed has several tags; each went into the group of its first tag',
				'1 feed was listed more than once; the first listing was kept',
			],
		});
	});

	it('refuses a file with a line that is not a feed URL, naming the line', () => {
		expect(parseNewsboatUrls('https://ok.example/feed\nmy favourite blog\n')).toEqual({ok: false, error: 'line 2: "my" is not a feed URL'});
	});

	it('reads an empty file as no feeds', () => {
		expect(parseNewsboatUrls('# nothing yet\n')).toEqual({ok: true, subscriptions: [], warnings: ['no feeds found']});
	});
});

describe('parseSubscriptionFile', () => {
	it('reads OPML when the file starts with markup and a newsboat urls file otherwise', () => {
		const opml = '<?xml version="1.0"?><opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/"/></body></opml>';
		expect(parseSubscriptionFile(Buffer.from(opml))).toEqual({
			ok: true,
			subscriptions: [{url: 'https://a.example/', title: 'A'}],
			warnings: [],
		});
		expect(parseSubscriptionFile(Buffer.from('https://b.example/ "~B"\n'))).toEqual({
			ok: true,
			subscriptions: [{url: 'https://b.example/', title: 'B'}],
			warnings: [],
		});
	});
});
