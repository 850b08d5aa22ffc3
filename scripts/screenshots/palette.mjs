// The terminal colours the pictures are drawn in: a dark theme (VS Code's integrated terminal's
// sixteen colours), then xterm's 256-colour cube and grey ramp.

export const BACKGROUND = '#1e1e1e';
export const FOREGROUND = '#cccccc';

const SIXTEEN = [
	'#000000',
	'#cd3131',
	'#0dbc79',
	'#e5e510',
	'#2472c8',
	'#bc3fbc',
	'#11a8cd',
	'#e5e5e5',
	'#666666',
	'#f14c4c',
	'#23d18b',
	'#f5f543',
	'#3b8eea',
	'#d670d6',
	'#29b8db',
	'#ffffff',
];

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];

const hex = (red, green, blue) => `#${[red, green, blue].map(value => value.toString(16).padStart(2, '0')).join('')}`;

/** The colour of palette entry 0–255. */
export function paletteColor(index) {
	if (index < 16) return SIXTEEN[index];
	if (index < 232) {
		const cube = index - 16;
		return hex(CUBE_LEVELS[Math.floor(cube / 36)], CUBE_LEVELS[Math.floor(cube / 6) % 6], CUBE_LEVELS[cube % 6]);
	}
	const grey = 8 + (index - 232) * 10;
	return hex(grey, grey, grey);
}

/** A 24-bit colour as xterm.js stores it (0xRRGGBB). */
export function rgbColor(value) {
	return hex((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}
