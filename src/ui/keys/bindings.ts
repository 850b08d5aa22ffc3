import type {KeyStroke} from './key-names.js';

/*
 * The one table of keys. Input, the hint bar and the help all read it through a keymap
 * (`createKeymap` in keymap.ts), so a key shown to the user is always the key that works, and a
 * user's configuration can hand in a table of its own.
 */

/** Finding and acting on many articles: the search line, views, sorting, marking a view read. */
export const FIND_LIST_COMMANDS = [
	'search',
	'clearSearch',
	'viewAll',
	'viewUnread',
	'viewSaved',
	'toggleSort',
	'markViewRead',
	'undoMarkRead',
] as const;
export const FIND_READER_COMMANDS = ['previousUnread'] as const;
/** Commands of the search line at the bottom, while it is open; other keys are typed into it. */
export const SEARCH_COMMANDS = ['searchKeep', 'searchClear', 'searchErase', 'searchDown', 'searchUp'] as const;

/** Commands of the headline list. */
export const LIST_COMMANDS = [
	'moveDown',
	'moveUp',
	'pageDown',
	'pageUp',
	'first',
	'last',
	'open',
	'feeds',
	'quit',
	...FIND_LIST_COMMANDS,
] as const;
/** Commands of the open article. */
export const DETAIL_COMMANDS = [
	'scrollDown',
	'scrollUp',
	'scrollPageDown',
	'scrollPageUp',
	'scrollTop',
	'scrollBottom',
	'nextArticle',
	'previousArticle',
	'back',
] as const;
/** Commands of the feed and section picker. */
export const PICKER_COMMANDS = ['pickerDown', 'pickerUp', 'pickerFirst', 'pickerLast', 'pickerChoose', 'pickerCancel'] as const;
/** Commands that work the same in the list and in the article ('global' bindings). */
export const READER_COMMANDS = [
	'toggleBookmark',
	'toggleRead',
	'nextUnread',
	'help',
	'refreshFeed',
	'refreshAll',
	...FIND_READER_COMMANDS,
] as const;
/** Commands on a link of the selected or open article ('global' bindings; src/ui/links). */
export const LINK_COMMANDS = ['openLink', 'copyLink'] as const;

export type ListCommand = (typeof LIST_COMMANDS)[number];
export type DetailCommand = (typeof DETAIL_COMMANDS)[number];
export type PickerCommand = (typeof PICKER_COMMANDS)[number];
export type ReaderCommand = (typeof READER_COMMANDS)[number];
export type LinkCommand = (typeof LINK_COMMANDS)[number];
export type SearchCommand = (typeof SEARCH_COMMANDS)[number];
export type CommandId = ListCommand | DetailCommand | PickerCommand | ReaderCommand | LinkCommand | SearchCommand;

/** Where a binding applies; 'global' bindings work in the list and the article view (not the picker or the search line). */
export type KeyContext = 'list' | 'detail' | 'picker' | 'search' | 'global';
/** A screen or overlay that reads keys through the table. */
export type KeyScreen = Exclude<KeyContext, 'global'>;

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

const COMMAND_CONTEXTS: ReadonlyArray<[KeyContext, readonly CommandId[]]> = [
	['list', LIST_COMMANDS],
	['detail', DETAIL_COMMANDS],
	['picker', PICKER_COMMANDS],
	['search', SEARCH_COMMANDS],
	['global', READER_COMMANDS],
	['global', LINK_COMMANDS],
];

/** The context a command belongs to, whatever keys a table gives it. */
export function commandContext(command: CommandId): KeyContext {
	for (const [context, commands] of COMMAND_CONTEXTS) if (commands.includes(command)) return context;
	throw new Error(`unknown command ${command}`);
}

export function isListCommand(command: CommandId): command is ListCommand {
	return (LIST_COMMANDS as readonly CommandId[]).includes(command);
}

export function isDetailCommand(command: CommandId): command is DetailCommand {
	return (DETAIL_COMMANDS as readonly CommandId[]).includes(command);
}

export function isPickerCommand(command: CommandId): command is PickerCommand {
	return (PICKER_COMMANDS as readonly CommandId[]).includes(command);
}

export function isLinkCommand(command: CommandId): command is LinkCommand {
	return (LINK_COMMANDS as readonly CommandId[]).includes(command);
}

export function isSearchCommand(command: CommandId): command is SearchCommand {
	return (SEARCH_COMMANDS as readonly CommandId[]).includes(command);
}

export const defaultBindings: readonly KeyBinding[] = [
	{command: 'moveDown', context: 'list', keys: ['j', 'down'], description: 'Next headline', hint: 'move', hintPartner: 'moveUp'},
	{command: 'moveUp', context: 'list', keys: ['k', 'up'], description: 'Previous headline'},
	{command: 'pageDown', context: 'list', keys: ['pagedown', 'space'], description: 'Page down'},
	{command: 'pageUp', context: 'list', keys: ['pageup'], description: 'Page up'},
	{command: 'first', context: 'list', keys: ['g', 'home'], description: 'First headline'},
	{command: 'last', context: 'list', keys: ['G', 'end'], description: 'Last headline'},
	{command: 'open', context: 'list', keys: ['return', 'right', 'l'], description: 'Open the article', hint: 'open'},
	{command: 'feeds', context: 'list', keys: ['f'], description: 'Pick a feed or section', hint: 'feeds'},
	{command: 'quit', context: 'list', keys: ['q'], description: 'Quit', hint: 'quit'},

	{
		command: 'scrollDown',
		context: 'detail',
		keys: ['j', 'down'],
		description: 'Scroll down a line',
		hint: 'scroll',
		hintPartner: 'scrollUp',
	},
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
	{
		command: 'nextUnread',
		context: 'global',
		keys: ['n'],
		description: 'Next unread article',
		hint: 'unread',
		hintPartner: 'previousUnread',
	},
	{command: 'help', context: 'global', keys: ['?'], description: 'Show or hide this help', hint: 'help'},
	{command: 'refreshFeed', context: 'global', keys: ['r'], description: 'Refresh the feed of this article'},
	{command: 'refreshAll', context: 'global', keys: ['R'], description: 'Refresh every feed'},

	{command: 'openLink', context: 'global', keys: ['o'], description: 'Open link in browser'},
	{command: 'copyLink', context: 'global', keys: ['y'], description: 'Copy link'},

	// Find and act on many: search, views, sort, mark a view read.
	{command: 'search', context: 'list', keys: ['/'], description: 'Search as you type', hint: 'search'},
	{command: 'clearSearch', context: 'list', keys: ['escape'], description: 'Clear the search'},
	{command: 'viewAll', context: 'list', keys: ['a'], description: 'View all articles'},
	{command: 'viewUnread', context: 'list', keys: ['U'], description: 'View unread articles only'},
	{command: 'viewSaved', context: 'list', keys: ['B'], description: 'View saved articles (bookmarks)'},
	{command: 'toggleSort', context: 'list', keys: ['s'], description: 'Sort by date or by feed'},
	{command: 'markViewRead', context: 'list', keys: ['A'], description: 'Mark every article in the view read'},
	{command: 'undoMarkRead', context: 'list', keys: ['u'], description: 'Undo marking the view read'},
	{command: 'previousUnread', context: 'global', keys: ['N'], description: 'Previous unread article'},
	{command: 'searchKeep', context: 'search', keys: ['return'], description: 'Keep the search, back to the list', hint: 'keep'},
	{command: 'searchClear', context: 'search', keys: ['escape'], description: 'Clear the search', hint: 'clear'},
	{command: 'searchErase', context: 'search', keys: ['backspace'], description: 'Erase the last character'},
	{command: 'searchDown', context: 'search', keys: ['down'], description: 'Next match', hint: 'move', hintPartner: 'searchUp'},
	{command: 'searchUp', context: 'search', keys: ['up'], description: 'Previous match'},
];
