import {BYTES_PER_MB} from '../core/limits.js';

/**
 * Feed bytes all loading may hold at once (read and not yet parsed). Above the largest feed
 * accepted, so any one feed can always load; each source is capped on its own as well.
 */
export const MAX_LOADING_BYTES = 256 * BYTES_PER_MB;

/** One source's share of the budget: it grows as bytes arrive and is released once they are parsed. */
export type Lease = {
	/** Bytes held now. */
	readonly held: number;
	/** Resolves once `bytes` more may be held (at once when there is room). */
	grow(bytes: number): Promise<void>;
	/** Gives back everything held; the lease can grow again afterwards. */
	release(): void;
};

export type LoadBudget = {
	lease(): Lease;
	/** Bytes held by every lease together. */
	held(): number;
};

type Request = {lease: LeaseState; bytes: number; grant(): void};
type LeaseState = {held: number; waiting: boolean};

/**
 * A byte budget shared by every source's loading, so twenty capped feeds or a thousand files do not
 * all sit in memory at once. Requests are served in order: one that does not fit waits, and those
 * after it wait too, so a large file is not starved by small ones. A request always fits when
 * nothing else is held. Files ask for their whole size before reading and so never go over; pipes,
 * whose size is unknown, ask as their data arrives, and when every source holding bytes waits for
 * more (none could ever release), the one that has held bytes longest goes on alone to its end, so
 * the budget never deadlocks and is exceeded by at most that one source.
 */
export function createLoadBudget(maxBytes: number = MAX_LOADING_BYTES): LoadBudget {
	let total = 0;
	const holders = new Set<LeaseState>();
	const queue: Request[] = [];

	const fits = (request: Request) => total + request.bytes <= maxBytes || total === request.lease.held;
	const grant = (request: Request) => {
		queue.splice(queue.indexOf(request), 1);
		request.lease.waiting = false;
		request.lease.held += request.bytes;
		total += request.bytes;
		if (request.lease.held > 0) holders.add(request.lease);
		request.grant();
	};
	const serve = () => {
		for (;;) {
			const first = queue[0];
			if (first === undefined) return;
			if (fits(first)) {
				grant(first);
				continue;
			}
			// The oldest holder goes on alone until it is done, so only one source is ever over.
			const stuck = [...holders].every(holder => holder.waiting);
			const oldest = stuck ? holders.values().next().value : undefined;
			const request = queue.find(waiting => waiting.lease === oldest);
			if (request === undefined) return;
			grant(request);
		}
	};

	return {
		held: () => total,
		lease() {
			const state: LeaseState = {held: 0, waiting: false};
			return {
				get held() {
					return state.held;
				},
				grow(bytes) {
					if (bytes <= 0) return Promise.resolve();
					return new Promise<void>(resolve => {
						state.waiting = true;
						queue.push({lease: state, bytes, grant: resolve});
						serve();
					});
				},
				release() {
					total -= state.held;
					state.held = 0;
					holders.delete(state);
					serve();
				},
			};
		},
	};
}

/** The budget every file and pipe read by this process shares. */
export const sharedLoadBudget: LoadBudget = createLoadBudget();
