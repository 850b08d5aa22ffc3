import {useStdout} from 'ink';
import {useCallback, useMemo, useSyncExternalStore} from 'react';

export type TerminalSize = {columns: number; rows: number};

const FALLBACK: TerminalSize = {columns: 80, rows: 24};

function positive(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/**
 * The terminal's size, following every 'resize' of stdout. 80x24 for a dimension stdout does not
 * report (a pipe, or ink-testing-library, which has columns but no rows).
 */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const subscribe = useCallback(
		(onChange: () => void) => {
			stdout.on('resize', onChange);
			return () => {
				stdout.off('resize', onChange);
			};
		},
		[stdout],
	);
	// A string snapshot compares by value, so an unchanged size does not re-render.
	const snapshot = useSyncExternalStore(
		subscribe,
		() => `${positive(stdout.columns, FALLBACK.columns)}x${positive(stdout.rows, FALLBACK.rows)}`,
	);
	return useMemo(() => {
		const [columns = FALLBACK.columns, rows = FALLBACK.rows] = snapshot.split('x').map(Number);
		return {columns, rows};
	}, [snapshot]);
}
