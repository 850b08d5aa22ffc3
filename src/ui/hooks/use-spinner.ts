import {useEffect, useState} from 'react';

const FRAMES = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
const FRAME_MS = 120;

/** A spinner frame that turns only while `active`, so an idle reader draws nothing on its own. */
export function useSpinner(active: boolean): string {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		if (!active) return;
		const timer = setInterval(() => setFrame(index => (index + 1) % FRAMES.length), FRAME_MS);
		timer.unref();
		return () => clearInterval(timer);
	}, [active]);
	return active ? FRAMES[frame]! : '';
}
