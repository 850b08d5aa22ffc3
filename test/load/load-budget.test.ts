import {describe, expect, it} from 'vitest';
import {createLoadBudget, type Lease, type LoadBudget} from '../../src/load/load-budget.js';

const nextTurn = () => new Promise(resolve => setImmediate(resolve));

/** Grows `lease` by `chunk` bytes `times` times, as a stream of chunks would. */
async function stream(lease: Lease, chunk: number, times: number, peak: {held: number}, budget: LoadBudget): Promise<void> {
	for (let index = 0; index < times; index++) {
		await lease.grow(chunk);
		peak.held = Math.max(peak.held, budget.held());
		await nextTurn();
	}
}

/** Twenty sources, each reading `chunks` chunks of `size` bytes under its own lease, all at once. */
async function loadTwenty(budget: LoadBudget, size: number, chunks: number): Promise<{finished: number; peak: {held: number}}> {
	const peak = {held: 0};
	let finished = 0;
	await Promise.all(
		Array.from({length: 20}, async () => {
			const lease = budget.lease();
			await stream(lease, size, chunks, peak, budget);
			await nextTurn();
			lease.release();
			finished++;
		}),
	);
	return {finished, peak};
}

describe('the loading budget', () => {
	it('never lets twenty files hold more than the budget at once, and lets every one finish', async () => {
		const budget = createLoadBudget(1000);
		const {finished, peak} = await loadTwenty(budget, 300, 1);
		expect(finished).toBe(20);
		expect(peak.held).toBe(900);
		expect(budget.held()).toBe(0);
	});

	it('lets twenty pipes read in chunks all finish, going over the budget by at most one pipe', async () => {
		const budget = createLoadBudget(1000);
		const {finished, peak} = await loadTwenty(budget, 50, 6);
		expect(finished).toBe(20);
		expect(peak.held).toBeLessThanOrEqual(1000 + 6 * 50);
		expect(budget.held()).toBe(0);
	});

	it('makes a file wait until there is room, and is not overtaken by smaller ones after it', async () => {
		const budget = createLoadBudget(100);
		const first = budget.lease();
		await first.grow(80);
		const order: string[] = [];
		const large = budget
			.lease()
			.grow(60)
			.then(() => order.push('large'));
		const small = budget
			.lease()
			.grow(10)
			.then(() => order.push('small'));
		await nextTurn();
		expect(order).toEqual([]);
		first.release();
		await Promise.all([large, small]);
		expect(order).toEqual(['large', 'small']);
	});

	it('lets a source larger than the whole budget load when nothing else is held', async () => {
		const budget = createLoadBudget(100);
		await budget.lease().grow(500);
		expect(budget.held()).toBe(500);
	});

	it('never deadlocks when every source holding bytes waits for more', async () => {
		const budget = createLoadBudget(100);
		const a = budget.lease();
		const b = budget.lease();
		await a.grow(60);
		await b.grow(40);
		// Both want more and neither can release before it has it: the first of them goes on.
		const grown: string[] = [];
		const growA = a.grow(30).then(() => grown.push('a'));
		const growB = b.grow(30).then(() => grown.push('b'));
		await growA;
		expect(grown).toEqual(['a']);
		a.release();
		await growB;
		expect(grown).toEqual(['a', 'b']);
	});
});
