import pLimit from 'p-limit';
import {MAX_PARSE_WORKERS} from './worker-plan.js';
import type {WorkerRun} from './worker-session.js';

const workerSlots = pLimit(MAX_PARSE_WORKERS);

/** How many parse workers are alive, and how many wait for a slot. */
export function parseWorkersBusy(): {running: number; waiting: number} {
	return {running: workerSlots.activeCount, waiting: workerSlots.pendingCount};
}

/** Slots neither taken nor waited for. */
export function freeWorkerSlots(): number {
	return MAX_PARSE_WORKERS - workerSlots.activeCount - workerSlots.pendingCount;
}

/**
 * Runs `start` once a worker slot is free. Settles with its value as soon as that is there; the
 * slot is held until its worker is gone. A worker that cannot even be made (no thread to be had)
 * rejects, and gives its slot back.
 */
export function inWorkerSlot<T>(start: (run: WorkerRun) => Promise<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		void workerSlots(
			() =>
				new Promise<void>(gone => {
					start({gone}).then(resolve, error => {
						gone();
						reject(error);
					});
				}),
		);
	});
}
