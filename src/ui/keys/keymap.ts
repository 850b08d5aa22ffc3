import {type CommandId, defaultBindings, type KeyBinding, type KeyContext, type KeyScreen} from './bindings.js';
import {type KeyStroke, keyLabel} from './key-names.js';

export type Hint = {keys: string; text: string};
export type HelpSection = {title: string; rows: Array<{keys: string; description: string}>};

/** One bindings table, read three ways: which command a key means, the hint bar, the help. */
export type Keymap = {
	readonly bindings: readonly KeyBinding[];
	/** The command `stroke` stands for on `screen`, global bindings included. */
	match(stroke: KeyStroke, screen: KeyScreen): CommandId | undefined;
	/** The hint bar's entries for one screen, e.g. `{keys: 'j/k', text: 'move'}`. */
	hints(screen: KeyScreen): readonly Hint[];
	/** The help overlay's text, one section per context. */
	help(): readonly HelpSection[];
};

/** The order hints appear in, per screen: the most used first, help and quit last. */
const HINT_ORDER: readonly CommandId[] = [
	'moveDown',
	'scrollDown',
	'pickerDown',
	'searchDown',
	'open',
	'search',
	'searchKeep',
	'searchClear',
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

const SECTION_TITLES: Record<KeyContext, string> = {
	list: 'Headlines',
	detail: 'Article',
	picker: 'Feed picker',
	search: 'Search line',
	global: 'Headlines and article',
};

const SCREENS: readonly KeyScreen[] = ['list', 'detail', 'picker', 'search'];

function appliesIn(binding: KeyBinding, screen: KeyScreen): boolean {
	return binding.context === screen || (binding.context === 'global' && (screen === 'list' || screen === 'detail'));
}

/** Bindings that work on one screen, global ones included. */
export function bindingsFor(table: readonly KeyBinding[], screen: KeyScreen): KeyBinding[] {
	return table.filter(binding => appliesIn(binding, screen));
}

function rank(command: CommandId): number {
	const index = HINT_ORDER.indexOf(command);
	return index === -1 ? HINT_ORDER.length : index;
}

function hintsFrom(table: readonly KeyBinding[], screen: KeyScreen): Hint[] {
	const bindings = bindingsFor(table, screen).filter(binding => binding.hint !== undefined);
	bindings.sort((a, b) => rank(a.command) - rank(b.command));
	return bindings.map(binding => {
		const first = binding.keys[0] ?? '';
		const partner = table.find(other => other.command === binding.hintPartner)?.keys[0];
		const keys = partner === undefined ? keyLabel(first) : `${keyLabel(first)}/${keyLabel(partner)}`;
		return {keys, text: binding.hint ?? ''};
	});
}

function helpFrom(table: readonly KeyBinding[]): HelpSection[] {
	return (['list', 'global', 'detail', 'picker', 'search'] as const).map(context => ({
		title: SECTION_TITLES[context],
		rows: table
			.filter(binding => binding.context === context)
			.map(binding => ({keys: binding.keys.map(keyLabel).join(' '), description: binding.description})),
	}));
}

/**
 * Reads `table` once into lookups. The first binding of a key wins on a screen, so a table
 * that gives one key two commands still behaves predictably (the table tests forbid it).
 */
export function createKeymap(table: readonly KeyBinding[] = defaultBindings): Keymap {
	const lookups = new Map<KeyScreen, Map<KeyStroke, CommandId>>();
	const hints = new Map<KeyScreen, Hint[]>();
	for (const screen of SCREENS) {
		const lookup = new Map<KeyStroke, CommandId>();
		for (const binding of bindingsFor(table, screen))
			for (const key of binding.keys) if (!lookup.has(key)) lookup.set(key, binding.command);
		lookups.set(screen, lookup);
		hints.set(screen, hintsFrom(table, screen));
	}
	const help = helpFrom(table);
	return {
		bindings: table,
		match: (stroke, screen) => lookups.get(screen)?.get(stroke),
		hints: screen => hints.get(screen) ?? [],
		help: () => help,
	};
}
