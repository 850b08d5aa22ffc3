// One line describing where the figures were taken.
import os from 'node:os';

export function machineLine() {
	const cpus = os.cpus();
	const model = (cpus[0]?.model ?? 'unknown cpu').replace(/\s+/g, ' ').trim();
	const memory = `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`;
	const load = os.loadavg()[0];
	const busy = load > cpus.length ? ' (busy: figures will be noisy)' : '';
	return `machine: node ${process.version}, ${model}, ${cpus.length} cores, ${memory} RAM, ${os.platform()} ${os.release()}, load average ${load.toFixed(2)}${busy}`;
}
