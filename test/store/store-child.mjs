// A second process using the store, for the crash and concurrency tests:
//   node store-child.mjs <bundled store> <config dir> mark-forever <prefix>
//     marks <prefix>-0, <prefix>-1, ... read and prints each number once setRead has returned.
//   node store-child.mjs <bundled store> <config dir> mark <prefix> <count>
//     marks <count> ids read and bookmarks every third one, then closes the store and prints "done".
//   node store-child.mjs <bundled store> <config dir> subscribe <prefix> <count>
//     subscribes to <count> feeds and notes a refresh of each, then closes the store and prints "done".
//   node store-child.mjs <bundled store> <config dir> fifo-then-mark <name>
//     once the store is open, puts a FIFO at <name> in the config dir, marks one article read, closes
//     the store and prints its notices as JSON.
// Short compaction timers and frequent pauses make compactions interleave with the other process.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const [bundle, configDir, command, prefix, countText] = process.argv.slice(2);
const {openStore} = await import(pathToFileURL(bundle).href);
const store = openStore({configDir, compactWhenIdleMs: 2, compactAtLeastEveryMs: 10});
if (store.notices.length > 0) fs.writeSync(2, `${store.notices.join('\n')}\n`);
const pause = () => new Promise(resolve => setTimeout(resolve, 1));

function article(id) {
	return {
		id,
		title: `Title of ${id}`,
		author: null,
		feed: 'Child Feed',
		section: null,
		published: null,
		link: null,
		summary: {format: 'text', value: ''},
		content: {format: 'text', value: `Body of ${id}`},
		categories: [],
	};
}

if (command === 'mark-forever') {
	for (let index = 0; ; index++) {
		store.setRead(`${prefix}-${index}`, true);
		fs.writeSync(1, `${index}\n`);
		if (index % 10 === 0) await pause();
	}
} else if (command === 'mark') {
	const count = Number(countText);
	for (let index = 0; index < count; index++) {
		store.setRead(`${prefix}-${index}`, true);
		if (index % 3 === 0) store.setBookmark(article(`${prefix}-${index}`), true);
		if (index % 10 === 0) await pause();
	}

	store.close();
	fs.writeSync(1, 'done\n');
} else if (command === 'subscribe') {
	const count = Number(countText);
	for (let index = 0; index < count; index++) {
		const url = `https://${prefix}.example/feed-${index}`;
		store.addSubscription({url, title: `${prefix} ${index}`, group: [prefix]});
		store.setFeedMeta(url, {etag: `"${index}"`, lastRefresh: index});
		if (index % 10 === 0) await pause();
	}

	store.close();
	fs.writeSync(1, 'done\n');
} else if (command === 'fifo-then-mark') {
	execFileSync('mkfifo', [path.join(configDir, prefix)]);
	store.setRead('marked-after-the-fifo', true);
	store.close();
	fs.writeSync(1, `${JSON.stringify(store.notices)}\n`);
} else {
	throw new Error(`unknown command ${command}`);
}
