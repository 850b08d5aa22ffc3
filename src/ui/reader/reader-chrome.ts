// What the header and the status line say about the reader's state and the loading, as data. The
// app renders it, and so does the first frame painted before Ink starts (ui/first-frame/).
import type {Loader, LoaderSnapshot} from '../../load/loader.js';
import type {Segment} from '../chrome/segments.js';
import {searchLabel, viewLabel} from '../views/view-labels.js';
import type {ReaderState} from './reader-state.js';

/** Every article, named: the one feed's title, or how many feeds. */
function everythingLabel(loader: Pick<Loader, 'sources'>, loading: LoaderSnapshot): string {
	if (loader.sources.length !== 1) return `${loader.sources.length} feeds`;
	const result = loading.results[0];
	return result?.ok && result.title ? result.title : (loader.sources[0]?.label ?? '');
}

/** The view, then the search if any: "Unread · search: ferry · 12 of 2,400". */
export function headerLabel(state: ReaderState, loader: Pick<Loader, 'sources'>, loading: LoaderSnapshot): string {
	const view = viewLabel(state, everythingLabel(loader, loading));
	const search = searchLabel(state);
	return search === '' ? view : `${view} · ${search}`;
}

export function statusSegments(message: string | null, loading: LoaderSnapshot, notices: readonly string[], spinner: string): Segment[] {
	const segments: Segment[] = [];
	if (message !== null) segments.push({text: message, style: 'status'});
	if (loading.pending > 0) {
		const total = loading.results.length;
		// How many have arrived, said so: "Loading 1 of 7" would read as the first one still loading.
		// Feeds with a result already (a cached copy, an earlier load) are being refreshed.
		const verb = loading.results.every((result, index) => result !== undefined && !loading.partial[index]) ? 'refreshed' : 'loaded';
		segments.push({text: `${spinner} ${total - loading.pending} of ${total} ${total === 1 ? 'feed' : 'feeds'} ${verb}…`, style: 'status'});
	}
	for (const result of loading.results) {
		if (result !== undefined && !result.ok) segments.push({text: `✗ ${result.source}: ${result.error}`, style: 'error'});
	}
	for (const result of loading.results) {
		if (result?.ok) for (const warning of result.warnings) segments.push({text: `${result.source}: ${warning}`, style: 'status'});
	}
	for (const notice of notices) segments.push({text: notice, style: 'status'});
	return segments;
}
