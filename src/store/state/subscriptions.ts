import path from 'node:path';
import {sanitizeLine} from '../../core/text/sanitize.js';
import type {Subscription} from '../types.js';
import {isPlainObject} from './json-checks.js';
import type {StoredState} from './stored-state.js';

// Everything a subscription is: how a change writes it (the memory view, a journal replay and a
// compaction all go through applySubscriptionChange) and how one is checked, on the way in and
// when read back. Subscriptions keep the order they were added in (a Map keeps insertion order).

export type SubscriptionChange = {op: 'subscribe'; subscription: Subscription} | {op: 'unsubscribe'; url: string};

/** Controls and invisible format characters (ZWJ aside), which must never reach the terminal. */
const UNPRINTABLE = /(?!\u200D)[\p{Cc}\p{Cf}]/u;

/** Why `url` cannot be subscribed to, in words for the user; undefined when it can. */
export function subscriptionUrlProblem(url: unknown): string | undefined {
	if (typeof url !== 'string' || url === '') return 'a subscription needs a URL or an absolute path';
	const shown = JSON.stringify(url);
	if (UNPRINTABLE.test(url) || url.trim() !== url) return `${shown} holds control characters or surrounding spaces`;
	if (!path.isAbsolute(url) && !URL.canParse(url)) return `${shown} is neither a URL nor an absolute path`;
	return undefined;
}

/**
 * A subscription in its one kept form (url first, no empty title or group, strings fit for the
 * terminal), frozen because the view hands it out; undefined when its url is not acceptable.
 */
export function toSubscription(value: unknown): Subscription | undefined {
	if (!isPlainObject(value) || subscriptionUrlProblem(value.url) !== undefined) return undefined;
	const subscription: Subscription = {url: value.url as string};
	const title = typeof value.title === 'string' ? sanitizeLine(value.title) : '';
	if (title !== '') subscription.title = title;
	if (Array.isArray(value.group)) {
		const group = value.group.filter((name): name is string => typeof name === 'string').map(sanitizeLine);
		if (group.length > 0) subscription.group = Object.freeze(group) as string[];
	}

	return Object.freeze(subscription);
}

export function applySubscriptionChange(state: StoredState, change: SubscriptionChange): void {
	if (change.op === 'subscribe') {
		// Adding a url twice keeps the first (its place and title): two instances adding the same feed agree.
		if (!state.subscriptions.has(change.subscription.url)) state.subscriptions.set(change.subscription.url, change.subscription);
	} else {
		state.subscriptions.delete(change.url);
		state.feedMeta.delete(change.url);
	}
}

/** A subscription change read back from the journal; undefined when it is not one. */
export function toSubscriptionChange(value: Record<string, unknown>): SubscriptionChange | undefined {
	if (value.op === 'unsubscribe') return typeof value.url === 'string' ? {op: 'unsubscribe', url: value.url} : undefined;
	if (value.op !== 'subscribe') return undefined;
	const subscription = toSubscription(value.subscription);
	return subscription && {op: 'subscribe', subscription};
}

export function sameSubscription(a: Subscription, b: Subscription): boolean {
	return a.url === b.url && a.title === b.title && (a.group ?? []).join('\u0000') === (b.group ?? []).join('\u0000');
}
