/** Signals that end the reader, each with the exit status a shell expects (128 + its number). */
const EXIT_STATUS = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

export type ExitSignal = keyof typeof EXIT_STATUS;

/** Calls `handler` once on the first of these signals; the returned function removes it. */
export function onExitSignal(handler: (signal: ExitSignal, status: number) => void): () => void {
	const listeners = (Object.keys(EXIT_STATUS) as ExitSignal[]).map(signal => {
		const listener = () => handler(signal, EXIT_STATUS[signal]);
		process.once(signal, listener);
		return [signal, listener] as const;
	});
	return () => {
		for (const [signal, listener] of listeners) process.removeListener(signal, listener);
	};
}
