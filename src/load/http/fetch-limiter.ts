import pLimit, {type LimitFunction} from 'p-limit';

/** Feeds fetched at once, all hosts together. */
export const MAX_CONCURRENT_FETCHES = 6;
/** Feeds fetched at once from one host, so a refresh never hammers a site with many feeds. */
export const MAX_FETCHES_PER_HOST = 2;

// Idle per-host limiters are dropped once there are this many, so memory follows the hosts in use.
const HOST_SWEEP_THRESHOLD = 64;

export type FetchLimiter = {
	/** Runs `task` once both a slot for the URL's host and a global slot are free. */
	run<T>(url: string, task: () => Promise<T>): Promise<T>;
};

export type FetchLimits = {total?: number; perHost?: number};

function hostOf(url: string): string {
	try {
		return new URL(url).hostname.toLowerCase();
	} catch {
		return url;
	}
}

/**
 * A two-level limit built on p-limit. A task takes its host's slot first and only then waits for
 * a global one, so feeds queued behind a busy host never hold global slots that other hosts'
 * feeds could use.
 */
export function createFetchLimiter({total = MAX_CONCURRENT_FETCHES, perHost = MAX_FETCHES_PER_HOST}: FetchLimits = {}): FetchLimiter {
	const global = pLimit(total);
	const hosts = new Map<string, LimitFunction>();

	function sweepIdleHosts(): void {
		for (const [host, limit] of hosts) if (limit.activeCount === 0 && limit.pendingCount === 0) hosts.delete(host);
	}

	function limitFor(host: string): LimitFunction {
		let limit = hosts.get(host);
		if (limit === undefined) {
			if (hosts.size >= HOST_SWEEP_THRESHOLD) sweepIdleHosts();
			limit = pLimit(perHost);
			hosts.set(host, limit);
		}
		return limit;
	}

	return {
		run(url, task) {
			return limitFor(hostOf(url))(() => global(task));
		},
	};
}
