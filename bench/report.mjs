// Printing: sections of measured figures as they come, then a table of ratios against the targets.

const LABEL_WIDTH = 38;
const targets = [];

export function formatDuration(ms) {
	if (!Number.isFinite(ms)) return 'n/a';
	if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
	if (ms < 10) return `${ms.toFixed(2)} ms`;
	if (ms < 100) return `${ms.toFixed(1)} ms`;
	return `${Math.round(ms)} ms`;
}

export function formatBytes(bytes) {
	if (!Number.isFinite(bytes)) return 'n/a';
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatRatio(ratio) {
	return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a';
}

export function heading(text) {
	console.log(`\n== ${text}`);
}

export function note(text) {
	console.log(`  ${text}`);
}

/** One measured figure: median and min–max spread. */
export function statLine(label, summary, extra = '', format = formatDuration) {
	const figure =
		summary.n === 0
			? 'n/a'
			: `median ${format(summary.median).padStart(9)}   (min–max ${format(summary.min)}–${format(summary.max)}, n=${summary.n})`;
	console.log(`  ${label.padEnd(LABEL_WIDTH)} ${figure}${extra ? `   ${extra}` : ''}`);
}

/**
 * Records a figure to judge against a target (lower is better). `value` NaN means not measured.
 * `aim` is the nicer goal printed beside the limit.
 */
export function recordTarget({name, value, limit, aim, unit = 'x', detail = ''}) {
	targets.push({name, value, limit, aim, unit, detail});
}

function formatTargetValue(value, unit) {
	if (!Number.isFinite(value)) return 'n/a';
	return unit === 'x' ? formatRatio(value) : formatDuration(value);
}

export function printTargetTable() {
	heading('Targets (lower is better)');
	const rows = targets.map(({name, value, limit, aim, unit, detail}) => {
		const verdict = !Number.isFinite(value) ? 'n/a' : value <= limit ? 'PASS' : 'MISS';
		const goal = !Number.isFinite(limit)
			? '-'
			: `<= ${formatTargetValue(limit, unit)}${aim === undefined ? '' : ` (aim ${formatTargetValue(aim, unit)})`}`;
		return [name, formatTargetValue(value, unit), goal, verdict, detail];
	});
	const widths = [0, 1, 2, 3].map(column => Math.max(...rows.map(row => row[column].length), 4));
	for (const row of rows) {
		const cells = row.slice(0, 4).map((cell, column) => cell.padEnd(widths[column]));
		console.log(`  ${cells.join('  ')}${row[4] ? `  ${row[4]}` : ''}`);
	}
	const passed = targets.filter(target => Number.isFinite(target.value) && target.value <= target.limit).length;
	const measured = targets.filter(target => Number.isFinite(target.value)).length;
	console.log(
		`  ${passed}/${measured} measured targets met${measured < targets.length ? `, ${targets.length - measured} not measured` : ''}`,
	);
}
