// Median and spread of repeated measurements.

/** Nearest-rank percentile (`p` from 0 to 100) of values sorted ascending. */
function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** @returns {{n: number, median: number, p90: number, min: number, max: number}} */
export function summarize(values) {
	const sorted = values.filter(value => Number.isFinite(value)).sort((a, b) => a - b);
	const n = sorted.length;
	if (n === 0) return {n: 0, median: Number.NaN, p90: Number.NaN, min: Number.NaN, max: Number.NaN};
	const middle = Math.floor(n / 2);
	const median = n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return {n, median, p90: percentile(sorted, 90), min: sorted[0], max: sorted[n - 1]};
}

/** Runs `measure` `times` times in sequence; an optional warm-up run is discarded. */
export async function repeat(times, measure, {warmup = 0} = {}) {
	for (let index = 0; index < warmup; index++) await measure(-1);
	const values = [];
	for (let index = 0; index < times; index++) values.push(await measure(index));
	return values;
}
