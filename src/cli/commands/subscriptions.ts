import {readFileSync} from 'node:fs';
import {parseSubscriptionFile} from '../../core/opml/subscription-file.js';
import {writeOpml} from '../../core/opml/write-opml.js';
import {feedCacheDir} from '../../load/cache/cache-dir.js';
import {removeCachedFeed} from '../../load/cache/feed-cache.js';
import {readErrorMessage} from '../../load/read-file.js';
import {warn, writeOut} from '../output.js';
import {subscriptionTarget} from '../subscription-target.js';
import type {CommandContext, ExitStatus} from './context.js';

/** `flashnews remove URL_OR_PATH`: the subscription, its fetch record and its cached copy go. */
export function removeCommand({args, store, configDir}: CommandContext): ExitStatus {
	const target = subscriptionTarget(args.args[0]!);
	if (!store.removeSubscription(target)) {
		warn(`not subscribed to ${target} (see flashnews feeds)`);
		return 1;
	}
	try {
		removeCachedFeed(feedCacheDir(configDir), target);
	} catch {
		// The copy is only a cache; one left behind does no harm.
	}
	writeOut(`unsubscribed from ${target}\n`);
	return 0;
}

/** `flashnews import FILE`: OPML (groups kept) or a newsboat urls file; nothing is added twice. */
export function importCommand({args, store}: CommandContext): ExitStatus {
	const file = args.args[0]!;
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		warn(`${file}: ${readErrorMessage(error)}`);
		return 1;
	}
	const list = parseSubscriptionFile(bytes);
	if (!list.ok) {
		warn(`${file}: ${list.error}`);
		return 1;
	}
	for (const warning of list.warnings) warn(`${file}: ${warning}`);
	let added = 0;
	let failed = 0;
	for (const entry of list.subscriptions) {
		try {
			const {url, title, group} = entry;
			if (store.addSubscription({url: subscriptionTarget(url), ...(title ? {title} : {}), ...(group?.length ? {group} : {})})) added++;
		} catch (error) {
			failed++;
			warn(`${file}: ${entry.url}: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
	const already = list.subscriptions.length - added - failed;
	writeOut(`imported ${added} ${added === 1 ? 'feed' : 'feeds'}${already > 0 ? `; ${already} already subscribed` : ''}\n`);
	return failed > 0 ? 1 : 0;
}

/** `flashnews export`: OPML 2.0 on standard output, groups as nested outlines. */
export function exportCommand({store}: CommandContext): ExitStatus {
	writeOut(writeOpml(store.subscriptions()));
	return 0;
}
