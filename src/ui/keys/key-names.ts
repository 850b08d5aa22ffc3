/**
 * A key as the bindings table names it: a printable character ('j', 'G', '?') or one of
 * `NAMED_KEYS`. Plain strings, so a user's configuration can name keys the same way.
 */
export type KeyStroke = string;

export const NAMED_KEYS = [
	'up',
	'down',
	'left',
	'right',
	'pageup',
	'pagedown',
	'home',
	'end',
	'return',
	'escape',
	'backspace',
	'space',
	'tab',
] as const;

export type NamedKey = (typeof NAMED_KEYS)[number];

const KEY_LABELS: Record<NamedKey, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	return: '⏎',
	escape: 'Esc',
	backspace: 'BkSp',
	space: 'Space',
	tab: 'Tab',
};

export function isNamedKey(stroke: KeyStroke): stroke is NamedKey {
	return (NAMED_KEYS as readonly string[]).includes(stroke);
}

/** A single character or a known key name: the strokes a binding may use. */
export function isValidStroke(stroke: KeyStroke): boolean {
	return [...stroke].length === 1 || isNamedKey(stroke);
}

/** How a key is shown in the hint bar and the help: '⏎', 'PgDn', 'j'. */
export function keyLabel(stroke: KeyStroke): string {
	return isNamedKey(stroke) ? KEY_LABELS[stroke] : stroke;
}
