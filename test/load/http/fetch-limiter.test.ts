import {describe, expect, it, vi} from 'vitest';
import {createFetchLimiter, MAX_CONCURRENT_FETCHES, MAX_FETCHES_PER_HOST} from '../../../src/load/http/fetch-limiter.js';

/** Tasks that run until the test finishes them, recording how many ran at once, in all and per host. */
function taskBoard() {
	const running: {host: string; finish: () => void}[] = [];
	const started: string[] = [];
	let most = 0;
	const mostPerHost = new Map<string, number>();
	return {
		running,
		started,
		get most() {
			return most;
		},
		mostFor: (host: string) => mostPerHost.get(host) ?? 0,
		task(host: string) {
			return () =>
				new Promise<string>(resolve => {
					started.push(host);
					const entry = {host, finish: () => resolve(host)};
					running.push(entry);
					most = Math.max(most, running.length);
					mostPerHost.set(host, Math.max(mostPerHost.get(host) ?? 0, running.filter(task => task.host === host).length));
				});
		},
		finishOldest() {
			running.shift()!.finish();
		},
	};
}

describe('createFetchLimiter', () => {
	it('runs at most two feeds of one host at once, and all of them in the end', async () => {
		const limiter = createFetchLimiter();
		const board = taskBoard();
		const results = Array.from({length: 5}, () => limiter.run('https://one.example/feed', board.task('one.example')));
		for (let left = 5; left > 0; left--) {
			await vi.waitFor(() => expect(board.running).toHaveLength(Math.min(MAX_FETCHES_PER_HOST, left)));
			board.finishOldest();
		}
		expect(await Promise.all(results)).toHaveLength(5);
		expect(board.mostFor('one.example')).toBe(MAX_FETCHES_PER_HOST);
	});

	it('runs at most six feeds at once across hosts, two per host', async () => {
		const limiter = createFetchLimiter();
		const board = taskBoard();
		const hosts = ['a.example', 'b.example', 'c.example', 'd.example', 'e.example'];
		const results = hosts.flatMap(host =>
			Array.from({length: 3}, () => limiter.run(`https://${host}/feed-${Math.random()}`, board.task(host))),
		);
		for (let left = results.length; left > 0; left--) {
			await vi.waitFor(() => expect(board.running.length).toBeGreaterThan(0));
			board.finishOldest();
		}
		expect(await Promise.all(results)).toHaveLength(15);
		expect(board.most).toBe(MAX_CONCURRENT_FETCHES);
		for (const host of hosts) expect(board.mostFor(host)).toBeLessThanOrEqual(MAX_FETCHES_PER_HOST);
	});

	it('starts a feed of an idle host at once while another host has feeds queued', async () => {
		const limiter = createFetchLimiter();
		const board = taskBoard();
		const busy = Array.from({length: 10}, () => limiter.run('https://busy.example/feed', board.task('busy.example')));
		const other = limiter.run('https://other.example/feed', board.task('other.example'));
		await vi.waitFor(() => expect(board.started).toContain('other.example'));
		expect(board.running.map(task => task.host).sort()).toEqual(['busy.example', 'busy.example', 'other.example']);
		while (board.running.length > 0 || board.started.length < 11) {
			await vi.waitFor(() => expect(board.running.length).toBeGreaterThan(0));
			board.finishOldest();
		}
		await Promise.all([...busy, other]);
	});

	it('treats host names case-insensitively', async () => {
		const limiter = createFetchLimiter({perHost: 1});
		const board = taskBoard();
		const results = [limiter.run('https://Same.Example/a', board.task('same')), limiter.run('https://same.example/b', board.task('same'))];
		await vi.waitFor(() => expect(board.running).toHaveLength(1));
		board.finishOldest();
		await vi.waitFor(() => expect(board.running).toHaveLength(1));
		board.finishOldest();
		await Promise.all(results);
		expect(board.mostFor('same')).toBe(1);
	});
});
