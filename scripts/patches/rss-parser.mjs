// rss-parser, which reads RSS and Atom for flashnews (src/core/xml/parse-xml-feed.ts).

/** @type {import('./apply-patches.mjs').PackagePatches} */
export default {
	package: 'rss-parser',
	verified: '3.13.0',
	patches: [
		{
			// rss-parser strips the HTML of every item's content and decodes its entities into
			// `contentSnippet`, which flashnews never reads: it makes its own text when an article
			// opens. That took a share of every parse, and loading entities' tables at start-up.
			name: 'no plain-text snippet of each item',
			file: 'lib/parser.js',
			withoutIt: 'it parses feeds slower',
			changes: [
				['      item.contentSnippet = utils.getSnippet(item.content)\n', ''],
				['      item.contentSnippet = utils.getSnippet(item.content);\n', ''],
			],
		},
		{
			name: 'entities loaded only for a snippet',
			file: 'lib/utils.js',
			changes: [
				[
					"const entities = require('entities');",
					"let entitiesModule;\nconst entities = {decodeHTML: text => (entitiesModule ??= require('entities')).decodeHTML(text)};",
				],
			],
		},
	],
};
