import {useEffect, useState} from 'react';

const MINUTE_MS = 60_000;

/**
 * The time relative dates ("3h ago") are measured from: `fixed` when given (tests), else the
 * current time, moved on once a minute so a reader left open does not show stale ages.
 */
export function useClock(fixed?: number): number {
	const [now, setNow] = useState(() => fixed ?? Date.now());
	useEffect(() => {
		if (fixed !== undefined) return;
		const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
		timer.unref();
		return () => clearInterval(timer);
	}, [fixed]);
	return fixed ?? now;
}
