import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, expect, it, vi} from 'vitest';
import {useClock} from '../../../src/ui/hooks/use-clock.js';

function Clock({fixed}: {fixed?: number}) {
	return <Text>{String(useClock(fixed))}</Text>;
}

afterEach(() => {
	vi.useRealTimers();
});

// Only the clock and intervals are faked: React runs effects through the real scheduler.
const fakeClock = (now: number) => vi.useFakeTimers({now, toFake: ['Date', 'setInterval', 'clearInterval']});
const effectsRun = () => new Promise(resolve => setImmediate(resolve));

it('moves relative times on once a minute while the reader stays open', async () => {
	fakeClock(1_000_000);
	const app = render(<Clock />);
	await effectsRun();
	expect(app.lastFrame()).toBe('1000000');
	await vi.advanceTimersByTimeAsync(60_000);
	await effectsRun();
	expect(app.lastFrame()).toBe('1060000');
	app.unmount();
});

it('keeps a fixed time when one is given', async () => {
	fakeClock(1_000_000);
	const app = render(<Clock fixed={5} />);
	await effectsRun();
	await vi.advanceTimersByTimeAsync(120_000);
	await effectsRun();
	expect(app.lastFrame()).toBe('5');
	app.unmount();
});
