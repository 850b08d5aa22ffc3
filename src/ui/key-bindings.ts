import type {Key} from 'ink';

/**
 * The one table of keys. Input dispatch (`matchCommand`), the hint bar and the help overlay all
 * read it, so a key shown to the user is always the key that works. Keys are plain strings so a
 * user configuration can replace them later: a printable character ('j', 'G', '?') or a named key
 * ('down', 'pagedown', 'return', 'escape', 'backspace', 'space', …; see `NAMED_KEYS`).
 */
export type KeyStroke = string;

/** Where a binding applies; 'global' bindings work in the list and the article view (not the picker). */
export type KeyContext = 'list' | 'detail' | 'picker' | 'global';

export type CommandId =
	| 'moveDown'
	| 'moveUp'
	| 'pageDown'
	| 'pageUp'
	| 'first'
	| 'last'
	| 'open'
	| 'scrollDown'
	| 'scrollUp'
	| 'scrollPageDown'
	| 'scrollPageUp'
	| 'scrollTop'
	| 'scrollBottom'
	| 'nextArticle'
	| 'previousArticle'
	| 'back'
	| 'toggleBookmark'
	| 'toggleRead'
	| 'nextUnread'
	| 'feeds'
	| 'help'
	| 'quit'
	| 'pickerDown'
	| 'pickerUp'
	| 'pickerFirst'
	| 'pickerLast'
	| 'pickerChoose'
	| 'pickerCancel';

export type KeyBinding = {
	command: CommandId;
	context: KeyContext;
	/** The first key is the one shown in the hint bar. */
	keys: readonly KeyStroke[];
	/** For the help overlay. */
	description: string;
	/** A short word for the hint bar; bindings without one appear only in the help. */
	hint?: string;
	/** Shows as "j/k" in the hint bar: this binding's first key, then the partner's. */
	hintPartner?: CommandId;
};

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

export const keyBindings: readonly KeyBinding[] = [
	{command: 'moveDown', context: 'list', keys: ['j', 'down'], description: 'Next headline', hint: 'move', hintPartner: 'moveUp'},
	{command: 'moveUp', context: 'list', keys: ['k', 'up'], description: 'Previous headline'},
	{command: 'pageDown', context: 'list', keys: ['pagedown', 'space'], description: 'Page down'},
	{command: 'pageUp', context: 'list', keys: ['pageup'], description: 'Page up'},
	{command: 'first', context: 'list', keys: ['g', 'home'], description: 'First headline'},
	{command: 'last', context: 'list', keys: ['G', 'end'], description: 'Last headline'},
	{command: 'open', context: 'list', keys: ['return', 'right', 'l'], description: 'Open the article', hint: 'open'},
	{command: 'feeds', context: 'list', keys: ['f'], description: 'Pick a feed or section', hint: 'feeds'},
	{command: 'quit', context: 'list', keys: ['q'], description: 'Quit', hint: 'quit'},

	{command: 'scrollDown', context: 'detail', keys: ['j', 'down'], description: 'Scroll down a line', hint: 'scroll', hintPartner: 'scrollUp'},
	{command: 'scrollUp', context: 'detail', keys: ['k', 'up'], description: 'Scroll up a line'},
	{command: 'scrollPageDown', context: 'detail', keys: ['pagedown', 'space'], description: 'Scroll down a page'},
	{command: 'scrollPageUp', context: 'detail', keys: ['pageup'], description: 'Scroll up a page'},
	{command: 'scrollTop', context: 'detail', keys: ['g', 'home'], description: 'Top of the article'},
	{command: 'scrollBottom', context: 'detail', keys: ['G', 'end'], description: 'End of the article'},
	{command: 'nextArticle', context: 'detail', keys: ['J'], description: 'Next article', hint: 'next/prev', hintPartner: 'previousArticle'},
	{command: 'previousArticle', context: 'detail', keys: ['K'], description: 'Previous article'},
	{command: 'back', context: 'detail', keys: ['escape', 'left', 'h', 'backspace', 'q'], description: 'Back to the headlines', hint: 'back'},

	{command: 'pickerDown', context: 'picker', keys: ['j', 'down'], description: 'Next choice', hint: 'move', hintPartner: 'pickerUp'},
	{command: 'pickerUp', context: 'picker', keys: ['k', 'up'], description: 'Previous choice'},
	{command: 'pickerFirst', context: 'picker', keys: ['g', 'home'], description: 'First choice'},
	{command: 'pickerLast', context: 'picker', keys: ['G', 'end'], description: 'Last choice'},
	{command: 'pickerChoose', context: 'picker', keys: ['return', 'l', 'right'], description: 'Show these articles', hint: 'choose'},
	{command: 'pickerCancel', context: 'picker', keys: ['escape', 'q', 'f', 'h', 'left'], description: 'Close the picker', hint: 'cancel'},

	{command: 'toggleBookmark', context: 'global', keys: ['b'], description: 'Bookmark or unbookmark', hint: 'save'},
	{command: 'toggleRead', context: 'global', keys: ['m'], description: 'Mark read or unread', hint: 'read'},
	{command: 'nextUnread', context: 'global', keys: ['n'], description: 'Next unread article', hint: 'next unread'},
	{command: 'help', context: 'global', keys: ['?'], description: 'Show or hide this help', hint: 'help'},
];

/** The order hints appear in, per screen: the most used first, help and quit last. */
const HINT_ORDER: readonly CommandId[] = [
	'moveDown',
	'scrollDown',
	'pickerDown',
	'open',
	'pickerChoose',
	'nextArticle',
	'toggleBookmark',
	'toggleRead',
	'nextUnread',
	'feeds',
	'help',
	'back',
	'pickerCancel',
	'quit',
];

function appliesIn(binding: KeyBinding, context: Exclude<KeyContext, 'global'>): boolean {
	return binding.context === context || (binding.context === 'global' && context !== 'picker');
}

/** Bindings that work on one screen, global ones included. */
export function bindingsFor(context: Exclude<KeyContext, 'global'>, table: readonly KeyBinding[] = keyBindings): KeyBinding[] {
	return table.filter(binding => appliesIn(binding, context));
}

export function matchCommand(
	stroke: KeyStroke,
	context: Exclude<KeyContext, 'global'>,
	table: readonly KeyBinding[] = keyBindings,
): CommandId | undefined {
	for (const binding of table) {
		if (appliesIn(binding, context) && binding.keys.includes(stroke)) return binding.command;
	}
	return undefined;
}

const KEY_LABELS: Record<string, string> = {
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

export function keyLabel(stroke: KeyStroke): string {
	return KEY_LABELS[stroke] ?? stroke;
}

export type Hint = {keys: string; text: string};

/** The hint bar's entries for one screen, e.g. `{keys: 'j/k', text: 'move'}`. */
export function hintsFor(context: Exclude<KeyContext, 'global'>, table: readonly KeyBinding[] = keyBindings): Hint[] {
	const bindings = bindingsFor(context, table).filter(binding => binding.hint !== undefined);
	bindings.sort((a, b) => rank(a.command) - rank(b.command));
	return bindings.map(binding => {
		const first = binding.keys[0] ?? '';
		const partner = table.find(other => other.command === binding.hintPartner)?.keys[0];
		const keys = partner === undefined ? keyLabel(first) : `${keyLabel(first)}/${keyLabel(partner)}`;
		return {keys, text: binding.hint ?? ''};
	});
}

function rank(command: CommandId): number {
	const index = HINT_ORDER.indexOf(command);
	return index === -1 ? HINT_ORDER.length : index;
}

export type HelpSection = {title: string; rows: Array<{keys: string; description: string}>};

const SECTION_TITLES: Record<KeyContext, string> = {
	list: 'Headlines',
	detail: 'Article',
	picker: 'Feed picker',
	global: 'Headlines and article',
};

/** The help overlay's text, one section per context. */
export function helpSections(table: readonly KeyBinding[] = keyBindings): HelpSection[] {
	return (['list', 'global', 'detail', 'picker'] as const).map(context => ({
		title: SECTION_TITLES[context],
		rows: table
			.filter(binding => binding.context === context)
			.map(binding => ({keys: binding.keys.map(keyLabel).join(' '), description: binding.description})),
	}));
}

// Ink names special keys with boolean flags; this maps them back to the table's key names.
const INK_FLAGS: ReadonlyArray<[keyof Key, KeyStroke]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'return'],
	['escape', 'escape'],
	['backspace', 'backspace'],
	// Most terminals send DEL (0x7f) for the Backspace key, which Ink reports as `delete`.
	['delete', 'backspace'],
	['tab', 'tab'],
];

const CHARACTER_NAMES: Record<string, KeyStroke> = {
	'\r': 'return',
	'\n': 'return',
	' ': 'space',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u001B': 'escape',
};

/**
 * Turns one Ink input event into the keys it stands for. Ink 6.8 hands text typed faster than
 * it reads (or pasted) to the handler as one string, e.g. "jjj" or "j\r", while every escape
 * sequence (arrows, PgDn) arrives as its own event; so a multi-character input is read as that
 * many key presses, in order. Alt/Meta combinations and other control characters are ignored.
 */
export function keyStrokes(input: string, key: Key): KeyStroke[] {
	for (const [flag, name] of INK_FLAGS) {
		if (key[flag] === true) return [name];
	}
	if (key.ctrl) return [];
	// Esc and a key pressed quickly reach the terminal as one "ESC q", which Ink reports as Alt+q.
	// No binding uses Alt, so it is read as the two keys the user pressed.
	const strokes: KeyStroke[] = key.meta ? ['escape'] : [];
	for (const character of input) {
		const named = CHARACTER_NAMES[character];
		if (named !== undefined) strokes.push(named);
		else if (character >= ' ') strokes.push(character);
	}
	return strokes;
}
